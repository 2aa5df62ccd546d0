package dev.ponder.server.upstream;

import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Fallback across the upstreams serving one model, with cooldown: the one implementation for the pool's calls
 * (blocking or on an event loop) and for passed-through streams. Upstreams are tried in the configured order, those
 * cooling down last (soonest available first) rather than not at all; one that fails in a way another upstream may
 * not (an upstream fault) cools down and the next is tried; a bad request would fail everywhere, and a stream that
 * delivered output would repeat it, so those fail at once. Every upstream's tries count in the answer's or the
 * failure's attempts.
 */
final class Fallback {
    private final String model;
    private final List<Upstream> members;
    private final Duration cooldown;
    private final InstantSource clock;
    private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();

    /** How a call's answer counts its tries ({@code of}), and the same answer counted as the whole fallback's. */
    record Tries<T>(ToIntFunction<T> of, BiFunction<T, Integer, T> counted) {
        /** For answers that keep no count: each upstream's try is one. */
        static <T> Tries<T> one() { return new Tries<>(answer -> 1, (answer, tries) -> answer); }
    }

    Fallback(String model, List<Upstream> members, Duration cooldown, InstantSource clock) {
        if (members.isEmpty()) throw PonderException.invalid("model %s has no upstream", model);
        this.model = model;
        this.members = List.copyOf(members);
        this.cooldown = cooldown;
        this.clock = clock;
    }

    List<Upstream> members() { return members; }

    /** {@code call} on each upstream in turn until one answers. */
    <T> T call(Function<Upstream, T> call, Tries<T> tries) {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        PonderException last = null;
        for (Upstream u : order()) {
            try {
                T out = call.apply(u);
                recovered(u);
                return tries.counted().apply(out, tried + tries.of().applyAsInt(out));
            } catch (PonderException e) {
                tried += e.attempts();
                if (!fallbackHelps(e)) throw e.withAttempts(tried);
                coolDown(u);
                failures.add(u.name() + ": " + e.getMessage());
                last = e;
            }
        }
        throw allFailed(last, failures).withAttempts(tried);
    }

    /**
     * {@link #call} without blocking: each upstream's call is started when the one before has failed. {@code call} reports
     * every failure in its stage rather than throwing.
     */
    <T> CompletableFuture<T> callAsync(Function<Upstream, CompletionStage<T>> call, Tries<T> tries) {
        CompletableFuture<T> out = new CompletableFuture<>();
        next(order(), 0, 0, null, null, out, call, tries);
        return out;
    }

    private <T> void next(List<Upstream> order, int at, int tried, List<String> failures, PonderException last, CompletableFuture<T> out,
                          Function<Upstream, CompletionStage<T>> call, Tries<T> tries) {
        if (at == order.size()) {
            out.completeExceptionally(allFailed(last, failures).withAttempts(tried));
            return;
        }
        Upstream u = order.get(at);
        call.apply(u).whenComplete((r, err) -> {
            if (err == null) {
                recovered(u);
                out.complete(tries.counted().apply(r, tried + tries.of().applyAsInt(r)));
                return;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (!(cause instanceof PonderException e)) {
                out.completeExceptionally(cause);
                return;
            }
            if (!fallbackHelps(e)) {
                out.completeExceptionally(e.withAttempts(tried + e.attempts()));
                return;
            }
            coolDown(u);
            List<String> seen = failures == null ? new ArrayList<>() : failures; // made only when an upstream fails
            seen.add(u.name() + ": " + e.getMessage());
            next(order, at + 1, tried + e.attempts(), seen, e, out, call, tries);
        });
    }

    /** Upstreams not cooling down first, in the configured order, then the cooling ones, soonest available first. */
    private List<Upstream> order() {
        if (coolingUntil.isEmpty()) return members;
        Instant now = clock.instant();
        List<Upstream> order = new ArrayList<>();
        members.stream().filter(m -> !cooling(m, now)).forEach(order::add);
        members.stream().filter(m -> cooling(m, now)).sorted(Comparator.comparing(m -> coolingUntil.get(m.name()))).forEach(order::add);
        return order;
    }

    private void coolDown(Upstream u) { coolingUntil.put(u.name(), clock.instant().plus(cooldown)); }

    private void recovered(Upstream u) {
        if (!coolingUntil.isEmpty()) coolingUntil.remove(u.name());
    }

    private boolean cooling(Upstream u, Instant now) {
        Instant until = coolingUntil.get(u.name());
        return until != null && until.isAfter(now);
    }

    private PonderException allFailed(PonderException last, List<String> failures) {
        return new PonderException(last.kind(), "model " + model + ": all " + members.size() + " upstream"
                + (members.size() == 1 ? "" : "s") + " failed (" + String.join("; ", failures) + ")",
                last.retryAfter().orElse(null), last, last.outputDelivered());
    }

    /** Upstream faults move on to the next upstream; a bad request would fail everywhere, so it does not. */
    private static boolean fallbackHelps(PonderException e) {
        if (e.outputDelivered()) return false;
        return switch (e.kind()) {
            case RATE_LIMITED, UPSTREAM_UNAVAILABLE, TIMEOUT, STREAM_BROKEN, BAD_UPSTREAM_RESPONSE, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, INTERNAL -> true;
            case INVALID_INPUT, BUDGET_EXCEEDED, SAMPLES_EXHAUSTED -> false;
        };
    }
}
