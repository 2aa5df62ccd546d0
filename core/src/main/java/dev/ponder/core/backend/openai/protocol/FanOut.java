package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs {@code count} one-choice requests in parallel on virtual threads (in the caller's trace context); results in index order. */
public final class FanOut {
    private FanOut() { }

    public static List<Generation> run(int count, IntFunction<List<Generation>> request) {
        try (ExecutorService ex = Telemetry.current().wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            List<Future<List<Generation>>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(ex.submit(() -> request.apply(index)));
            }
            List<Generation> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                try {
                    out.addAll(futures.get(i).get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof PonderException p) throw p;
                    throw new PonderException(PonderException.Kind.INTERNAL, "parallel request failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while waiting for parallel requests", e);
                }
            }
            return out;
        }
    }
}
