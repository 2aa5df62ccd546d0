package dev.ponder.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.Exchange;
import dev.ponder.core.backend.openai.protocol.HttpOpenAiBackend;
import dev.ponder.core.backend.openai.protocol.Retrier;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.telemetry.UpstreamSpan;
import dev.ponder.server.config.PlainCompletions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upstream server, shared by every model it serves. An OpenAI-compatible one serves three ways: the engine's
 * backend (strategies, streams of the engine's own, plain completions for {@code think@T}), the event-loop
 * {@link Relay} (a client's body relayed as written), and a client's stream or body passed through as written; the
 * backend and the passed-through requests share one JDK HTTP client (the core's {@link Exchange}: one selector thread
 * and one connection pool per server, not per model). An Anthropic one serves the engine only, through the core's
 * Messages API backend: a chat body cannot go to it as written, so the proxy never relays one there ({@link #relays()}).
 */
public final class Upstream implements AutoCloseable {
    private final String name;
    private final OpenAiConfig config;
    private final StreamingBackend backend;
    private final Optional<OpenAiWire> wire;
    private final PlainCompletions completions;
    private final boolean logprobs;
    private final AutoCloseable client;
    private volatile boolean noCompletions; // found out under AUTO: the server answered that it has no /completions

    /** What only an OpenAI-compatible upstream has: its backend's plain completions, the relay, the exchange, the retry policy. */
    private record OpenAiWire(OpenAiBackend backend, Relay relay, Exchange exchange, Retrier retrier) {}

    private Upstream(String name, OpenAiConfig config, StreamingBackend backend, Optional<OpenAiWire> wire, PlainCompletions completions,
                     boolean logprobs, AutoCloseable client) {
        this.name = name;
        this.config = config;
        this.backend = backend;
        this.wire = wire;
        this.completions = completions;
        this.logprobs = logprobs;
        this.client = client;
    }

    /** The OpenAI-compatible upstream {@code name} (for traces and errors) reached as {@code config} says. */
    public static Upstream of(String name, OpenAiConfig config) { return of(name, config, PlainCompletions.AUTO, false); }

    /** With whether it serves plain completions ({@code think@T}) and whether {@code adaptive} asks it for log-probabilities. */
    public static Upstream of(String name, OpenAiConfig config, PlainCompletions completions, boolean logprobs) {
        Exchange exchange = new Exchange(config);
        OpenAiBackend backend = new HttpOpenAiBackend(config, exchange);
        return new Upstream(name, config, backend, Optional.of(new OpenAiWire(backend, new Relay(config), exchange, new Retrier(config))),
                completions, logprobs, exchange);
    }

    /** The upstream {@code name} speaking Anthropic's Messages API: no plain completions, no log-probabilities. */
    public static Upstream anthropic(String name, AnthropicConfig config) {
        var backend = Backend.anthropic(config);
        return new Upstream(name, config.connection(), backend, Optional.empty(), PlainCompletions.OFF, false, backend);
    }

    /** Whether {@code think@T} may continue raw prompts here: configured on, or auto and not found missing yet. */
    public boolean servesCompletions() {
        return wire.isPresent() && (completions == PlainCompletions.ON || (completions == PlainCompletions.AUTO && !noCompletions));
    }

    /** Whether {@code adaptive} asks this upstream for token log-probabilities (each sample's confidence). */
    public boolean logprobs() { return logprobs; }

    /**
     * A plain completion ({@code /completions}) through this upstream's backend. Under {@code completions: auto} an
     * answer saying there is no such endpoint (404, 405) is remembered: later chains ask in chat turns instead.
     */
    public Generated complete(CompletionRequest request) {
        if (!servesCompletions()) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "upstream " + name + " serves no /completions (completions: "
                    + completions.configName() + (noCompletions ? ", found missing" : "") + ")");
        }
        try {
            return wire.orElseThrow(this::notAsWritten).backend().complete(request);
        } catch (PonderException e) {
            boolean missing = e.kind() == PonderException.Kind.NOT_FOUND || e.getMessage().contains(": HTTP 405");
            if (completions == PlainCompletions.AUTO && missing) noCompletions = true;
            throw e;
        }
    }

    /** The most a plain completion can cost here; nothing on an upstream that runs none (Anthropic's). */
    public Usage completionWorstCase(CompletionRequest request) { return wire.map(w -> w.backend().worstCase(request)).orElse(Usage.ZERO); }

    public String name() { return name; }

    public StreamingBackend backend() { return backend; }

    /** Whether a client's chat-completions body can go to it as written (an OpenAI-compatible upstream). */
    public boolean relays() { return wire.isPresent(); }

    /** What {@code model} costs here (the catalogue's price for its upstream name, else its own). */
    public Price price(String model) { return config.priceOf(model); }

    /** Whether the price catalogue knows {@code model} (by its upstream name, else its own): unknown models cost $0. */
    public boolean priced(String model) {
        return config.prices().find(config.upstreamModel(model)).isPresent() || config.prices().find(model).isPresent();
    }

    /** See {@link Relay#relay}. */
    CompletableFuture<Relayed> relay(String model, ObjectNode body, long promptChars, HttpTransport transport) {
        return wire.orElseThrow(this::notAsWritten).relay().relay(model, body, promptChars, transport);
    }

    /**
     * A client's streamed chat body sent as written, with only {@code model} renamed to the upstream's name for
     * {@code model}; each event goes to {@code events} until {@code [DONE]}. A stream that ends without it, or a
     * server that answers with one JSON body instead of events, fails (the pool then tries the next upstream, unless
     * output was delivered).
     */
    public void streamRaw(String model, ObjectNode body, SseStream.Events events) { streamRaw(Endpoint.CHAT.path(), model, body, events); }

    /** As {@link #streamRaw(String, ObjectNode, SseStream.Events)}, to the endpoint at {@code path} ({@code /completions}). */
    public void streamRaw(String path, String model, ObjectNode body, SseStream.Events events) {
        Exchange exchange = wire.orElseThrow(this::notAsWritten).exchange();
        String upstream = config.upstreamModel(model);
        String where = "openai " + config.baseUrl() + " model " + upstream;
        ObjectNode b = body.deepCopy();
        b.put("model", upstream);
        try (UpstreamSpan span = UpstreamSpan.open(operation(path), "openai", upstream, config.baseUrl(), b.path("n").asInt(1))) {
            try {
                Exchange.Opened opened = exchange.openStream(path, b, where);
                if (!(opened instanceof Exchange.Opened.Events ev)) {
                    throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": a streamed request was answered with one JSON body");
                }
                if (!new SseStream(ev.body()).drain(events, config.requestTimeout(), where)) {
                    throw new PonderException(events.delivered() ? PonderException.Kind.STREAM_BROKEN : PonderException.Kind.UPSTREAM_UNAVAILABLE,
                            where + ": the stream ended without [DONE]", null, null, events.delivered());
                }
            } catch (PonderException e) {
                span.failed(e);
                throw e;
            }
        }
    }

    /** What a body relayed whole came back as: the upstream's JSON, where it came from, the tries it took. */
    public record Forwarded(JsonNode body, String where, int attempts) {}

    /**
     * A client's body sent whole to the endpoint at {@code path} ({@code /completions}, {@code /embeddings}) as written,
     * with only {@code model} renamed to the upstream's name, retried as this upstream's calls are; statuses become typed
     * errors as for every call. Blocks: call it from a thread that may.
     */
    public Forwarded forward(String path, String model, ObjectNode body) {
        OpenAiWire w = wire.orElseThrow(this::notAsWritten);
        String upstream = config.upstreamModel(model);
        String where = "openai " + config.baseUrl() + " model " + upstream;
        ObjectNode b = body.deepCopy();
        b.put("model", upstream);
        AtomicInteger retries = new AtomicInteger();
        try (UpstreamSpan span = UpstreamSpan.open(operation(path), "openai", upstream, config.baseUrl(), 1)) {
            try {
                Forwarded f = new Forwarded(w.retrier().run(() -> w.exchange().postJson(path, b, where), retries), where, 1 + retries.get());
                span.response(f.body().path("id").asText(""), f.body().path("model").asText(""));
                span.tried(f.attempts(), null);
                return f;
            } catch (PonderException e) {
                PonderException counted = e.withAttempts(1 + retries.get());
                span.failed(counted);
                throw counted;
            }
        }
    }

    /** The GenAI conventions' operation of a call to the endpoint at {@code path}. */
    private static String operation(String path) {
        return path.equals(Endpoint.COMPLETIONS.path()) ? Endpoint.COMPLETIONS.operation() : path.equals("/embeddings") ? "embeddings"
                : Endpoint.CHAT.operation();
    }

    private PonderException notAsWritten() {
        return new PonderException(PonderException.Kind.INTERNAL, "upstream " + name + " speaks Anthropic's Messages API: a body cannot go to it as written");
    }

    /** Stops the HTTP client: its connections close and calls in flight fail. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing upstream " + name + ": " + e, e);
        }
    }
}
