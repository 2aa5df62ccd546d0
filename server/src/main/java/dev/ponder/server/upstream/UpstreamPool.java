package dev.ponder.server.upstream;

import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.Relayed;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.HttpTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Several upstreams serving one model, tried in order. Each upstream retries with backoff itself (its
 * {@code OpenAiConfig}); when it still fails retriably it is put in cooldown and the next one is tried. A stream that
 * broke after output reached the caller is not retried (it would repeat text) and fails at once. When every upstream
 * is cooling down, they are tried anyway, soonest-available first, rather than refusing the request.
 */
public final class UpstreamPool implements StreamingBackend {
    private final String model;
    private final List<Upstreams.Member> members;
    private final Duration cooldown;
    private final InstantSource clock;
    private final String name;
    private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();

    UpstreamPool(String model, List<Upstreams.Member> members, Duration cooldown, InstantSource clock) {
        if (members.isEmpty()) throw PonderException.invalid("model %s has no upstream", model);
        this.model = model;
        this.members = List.copyOf(members);
        this.cooldown = cooldown;
        this.clock = clock;
        this.name = "upstreams:" + this.members.stream().map(Upstreams.Member::name).toList();
    }

    @Override
    public String name() { return name; }

    @Override
    public Generated generate(GenerationRequest request) {
        return attempt(b -> b.generate(request), Generated::attempts, (g, n) -> new Generated(g.generations(), n));
    }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        return attempt(b -> b.stream(request, listener), Generated::attempts, (g, n) -> new Generated(g.generations(), n));
    }

    /**
     * The client's body relayed as written to the first upstream that answers (see {@link OpenAiBackend#relay}), with
     * the same retries, cooldown and fallback as any call; its attempts are all the pool's tries.
     */
    public Relayed relay(String requestModel, ObjectNode body, long promptChars) {
        // every try counts, the failed upstreams' too, not only the one that answered
        return attempt(b -> b.relay(requestModel, body, promptChars), Relayed::attempts, (r, n) -> r.withAttempts(n));
    }

    @Override
    public Usage worstCase(GenerationRequest request) {
        Usage worst = null;
        for (Upstreams.Member m : members) {
            Usage u = m.backend().worstCase(request);
            if (worst == null || u.dollars() > worst.dollars()) worst = u;
        }
        return worst;
    }

    /** The call on each upstream in turn until one answers; the answer counts every upstream's tries ({@code counted}). */
    private <T> T attempt(Function<OpenAiBackend, T> call, ToIntFunction<T> attemptsOf, BiFunction<T, Integer, T> counted) {
        List<Upstreams.Member> order = order();
        List<String> failures = new ArrayList<>();
        int tries = 0;
        PonderException last = null;
        for (Upstreams.Member m : order) {
            try {
                T out = call.apply(m.backend());
                tries += attemptsOf.applyAsInt(out);
                recovered(m);
                return counted.apply(out, tries);
            } catch (PonderException e) {
                tries += e.attempts();
                if (!fallbackHelps(e)) throw e.withAttempts(tries);
                coolDown(m);
                failures.add(m.name() + ": " + e.getMessage());
                last = e;
            }
        }
        throw allFailed(last, failures).withAttempts(tries);
    }

    /**
     * {@link #relay} without blocking: the same order, cooldown and fallback, each upstream's tries on
     * {@code transport} with waits on {@code timer}; completes on their thread.
     */
    public CompletableFuture<Relayed> relayAsync(String requestModel, ObjectNode body, long promptChars, HttpTransport transport,
                                                 ScheduledExecutorService timer) {
        CompletableFuture<Relayed> out = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        next(order(), 0, tries, new ArrayList<>(), null, out, b -> b.relayAsync(requestModel, body, promptChars, transport, timer, tries));
        return out;
    }

    private void next(List<Upstreams.Member> order, int at, java.util.concurrent.atomic.AtomicInteger tries, List<String> failures, PonderException last,
                      CompletableFuture<Relayed> out, Function<OpenAiBackend, CompletableFuture<Relayed>> call) {
        if (at == order.size()) {
            out.completeExceptionally(allFailed(last, failures).withAttempts(tries.get()));
            return;
        }
        Upstreams.Member m = order.get(at);
        call.apply(m.backend()).whenComplete((r, err) -> {
            if (err == null) {
                recovered(m);
                out.complete(r.withAttempts(tries.get()));
                return;
            }
            Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
            if (!(cause instanceof PonderException e) || !fallbackHelps(e)) {
                out.completeExceptionally(cause instanceof PonderException p ? p.withAttempts(tries.get()) : cause);
                return;
            }
            coolDown(m);
            failures.add(m.name() + ": " + e.getMessage());
            next(order, at + 1, tries, failures, e, out, call);
        });
    }

    /** Upstreams not cooling down first, in the configured order, then the cooling ones, soonest available first. */
    private List<Upstreams.Member> order() {
        if (coolingUntil.isEmpty()) return members;
        Instant now = clock.instant();
        List<Upstreams.Member> order = new ArrayList<>();
        members.stream().filter(m -> !cooling(m, now)).forEach(order::add);
        members.stream().filter(m -> cooling(m, now)).sorted(Comparator.comparing(m -> coolingUntil.get(m.name()))).forEach(order::add);
        return order;
    }

    private void coolDown(Upstreams.Member m) { coolingUntil.put(m.name(), clock.instant().plus(cooldown)); }

    private void recovered(Upstreams.Member m) {
        if (!coolingUntil.isEmpty()) coolingUntil.remove(m.name());
    }

    private PonderException allFailed(PonderException last, List<String> failures) {
        return new PonderException(last.kind(), "model " + model + ": all " + members.size() + " upstream"
                + (members.size() == 1 ? "" : "s") + " failed (" + String.join("; ", failures) + ")",
                last.retryAfter().orElse(null), last, last.outputDelivered());
    }

    private boolean cooling(Upstreams.Member m, Instant now) {
        Instant until = coolingUntil.get(m.name());
        return until != null && until.isAfter(now);
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
