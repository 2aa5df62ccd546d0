package dev.ponder.server.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Several upstreams serving one model, tried in order ({@link Fallback}: cooldown, then the next upstream). Each
 * upstream retries with backoff itself (its {@code OpenAiConfig}). As a backend it serves the strategy engine; it
 * also relays a client's body on an event loop ({@link #relayAsync}) and passes a client's stream through
 * ({@link #passThrough}), with the same fallback. The upstreams are shared with the other models they serve, and
 * closed with them ({@link Upstreams}).
 */
public final class UpstreamPool implements StreamingBackend {
    private static final Fallback.Tries<Generated> GENERATED = new Fallback.Tries<>(Generated::attempts, (g, n) -> new Generated(g.generations(), n));
    private static final Fallback.Tries<Relayed> RELAYED = new Fallback.Tries<>(Relayed::attempts, Relayed::withAttempts);
    private final Fallback fallback;
    private final String name;

    private UpstreamPool(String model, List<Upstream> members, Duration cooldown, InstantSource clock) {
        this.fallback = new Fallback(model, members, cooldown, clock);
        this.name = "upstreams:" + members.stream().map(Upstream::name).toList();
    }

    /** Tries {@code members} in order with fallback; a failing one cools down for {@code cooldown}. */
    public static UpstreamPool of(String model, List<Upstream> members, Duration cooldown, InstantSource clock) {
        return new UpstreamPool(model, members, cooldown, clock);
    }

    @Override
    public String name() { return name; }

    @Override
    public Generated generate(GenerationRequest request) { return fallback.call(u -> u.backend().generate(request), GENERATED); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        return fallback.call(u -> u.backend().stream(request, listener), GENERATED);
    }

    /** Whether every member takes a client's chat body as written (they all speak OpenAI's chat completions). */
    public boolean relays() { return fallback.members().stream().allMatch(Upstream::relays); }

    @Override
    public boolean budgetsThinking(String model) { return fallback.members().stream().allMatch(u -> u.backend().budgetsThinking(model)); }

    @Override
    public Usage worstCase(GenerationRequest request) {
        Usage worst = null;
        for (Upstream u : fallback.members()) {
            Usage w = u.backend().worstCase(request);
            if (worst == null || w.dollars() > worst.dollars()) worst = w;
        }
        return worst;
    }

    /**
     * The client's body relayed as written to the first upstream that answers (see {@link Relay}), on
     * {@code transport} without blocking; the future completes on its thread. The answer's (or the failure's)
     * attempts are all the pool's tries, the failed upstreams' too.
     */
    public CompletableFuture<Relayed> relayAsync(String requestModel, ObjectNode body, long promptChars, HttpTransport transport) {
        return fallback.callAsync(u -> u.relay(requestModel, body, promptChars, transport), RELAYED);
    }

    /** Whether the price catalogue knows {@code model} on every upstream of the pool. */
    public boolean priced(String model) { return fallback.members().stream().allMatch(u -> u.priced(model)); }

    /** Whether any of its upstreams may serve plain completions now (see {@link Upstream#servesCompletions()}). */
    public boolean servesCompletions() { return fallback.members().stream().anyMatch(Upstream::servesCompletions); }

    /** Whether {@code adaptive} asks for log-probabilities: every upstream of the pool is configured to give them. */
    public boolean logprobs() { return fallback.members().stream().allMatch(Upstream::logprobs); }

    /** A plain completion on the first upstream that serves them and answers, with the pool's fallback. */
    public Generated complete(CompletionRequest request) { return fallback.call(u -> u.complete(request), GENERATED); }

    /** The most a completion can cost on any of its upstreams. */
    public Usage worstCase(CompletionRequest request) {
        Usage worst = Usage.ZERO;
        for (Upstream u : fallback.members()) {
            Usage w = u.completionWorstCase(request);
            if (w.dollars() > worst.dollars() || (w.dollars() == worst.dollars() && w.totalTokens() > worst.totalTokens())) worst = w;
        }
        return worst;
    }

    /** {@code call} on each upstream in turn, with the pool's fallback and cooldown, until one answers (passed-through streams). */
    public <T> T passThrough(Function<Upstream, T> call) { return fallback.call(call, Fallback.Tries.one()); }
}
