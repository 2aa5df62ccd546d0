package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one retry policy for calls to an upstream: repeats an attempt that failed retriably, waiting the server's
 * Retry-After or an exponential backoff with full jitter (a uniform wait in [0, min(cap, base * 2^retry)); AWS
 * Architecture Blog, "Exponential Backoff and Jitter", 2015). A Retry-After longer than the configured maximum is not
 * waited out: the error goes to the caller, carrying it. {@link #run} waits on the calling thread (the backend's
 * calls); {@link #runAsync} schedules the waits on a timer (the proxy's relay, on an event loop).
 */
public final class Retrier {
    private final OpenAiConfig config;

    public Retrier(OpenAiConfig config) { this.config = config; }

    /** Tries until success or a final failure; {@code retries} goes up by one per retry (several calls may share it). */
    public <T> T run(Supplier<T> attempt, AtomicInteger retries) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (PonderException e) {
                Duration wait = waitAfter(e, retry);
                retries.incrementAndGet();
                sleep(wait);
            }
        }
    }

    /**
     * {@link #run} without blocking: {@code attempt} starts try number {@code retry + 1} (it is given {@code retry},
     * 0 for the first) and the waits between tries are scheduled on {@code timer}. A final failure carries its tries
     * ({@link PonderException#attempts()}); a failure that is not a {@link PonderException} is final as it is.
     */
    public <T> CompletableFuture<T> runAsync(IntFunction<CompletionStage<T>> attempt, ScheduledExecutorService timer) {
        CompletableFuture<T> out = new CompletableFuture<>();
        tryAsync(attempt, timer, 0, out);
        return out;
    }

    private <T> void tryAsync(IntFunction<CompletionStage<T>> attempt, ScheduledExecutorService timer, int retry, CompletableFuture<T> out) {
        CompletionStage<T> tried;
        try {
            tried = attempt.apply(retry);
        } catch (RuntimeException e) {
            tried = CompletableFuture.failedFuture(e);
        }
        tried.whenComplete((value, err) -> {
            if (err == null) {
                out.complete(value);
                return;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (!(cause instanceof PonderException e)) {
                out.completeExceptionally(cause);
                return;
            }
            try {
                Duration wait = waitAfter(e, retry);
                timer.schedule(() -> tryAsync(attempt, timer, retry + 1, out), wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (PonderException fin) {
                out.completeExceptionally(fin.withAttempts(retry + 1));
            } catch (RuntimeException fin) {
                out.completeExceptionally(fin);
            }
        });
    }

    /**
     * How long to wait before the next try after attempt {@code retry} (0 = the first) failed with {@code e}; throws
     * the error to give up with when it is not retriable, the retries are used up, or the server asks for too long.
     */
    private Duration waitAfter(PonderException e, int retry) {
        if (!e.retriable()) throw e;
        if (retry >= config.maxRetries()) {
            throw again(e, e.getMessage() + " (gave up after " + (retry + 1) + " attempt" + (retry == 0 ? "" : "s") + ")");
        }
        Duration wait = e.retryAfter().orElseGet(() -> backoff(retry));
        if (wait.compareTo(config.maxRetryAfter()) > 0) {
            throw again(e, e.getMessage() + " (server asks to retry after " + wait.toSeconds()
                    + " s, more than the " + config.maxRetryAfter().toSeconds() + " s this backend waits)");
        }
        return wait;
    }

    private Duration backoff(int retry) {
        double cap = Math.min((double) config.backoffCap().toNanos(), config.backoffBase().toNanos() * Math.pow(2, Math.min(retry, 62)));
        double u;
        synchronized (config.random()) {
            u = config.random().nextDouble();
        }
        return Duration.ofNanos((long) (u * cap));
    }

    private void sleep(Duration d) {
        try {
            config.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while waiting to retry", e);
        }
    }

    private static PonderException again(PonderException e, String message) {
        return new PonderException(e.kind(), message, e.retryAfter().orElse(null), e, e.outputDelivered());
    }
}
