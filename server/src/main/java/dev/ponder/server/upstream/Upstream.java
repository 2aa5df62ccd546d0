package dev.ponder.server.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.Exchange;
import dev.ponder.core.backend.openai.protocol.HttpOpenAiBackend;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One upstream server, shared by every model it serves. An OpenAI-compatible one serves three ways: the engine's
 * backend (strategies, streams of the engine's own), the event-loop {@link Relay} (a client's body relayed as
 * written), and a client's stream passed through as written; the backend and the passed-through streams share one JDK
 * HTTP client (the core's {@link Exchange}: one selector thread and one connection pool per server, not per model).
 * An Anthropic one serves the engine only, through the core's Messages API backend: a chat body cannot go to it as
 * written, so the proxy never relays one there ({@link #relays()}).
 */
public final class Upstream implements AutoCloseable {
    private final String name;
    private final OpenAiConfig config;
    private final StreamingBackend backend;
    private final Optional<Relay> relay;
    private final Optional<Exchange> exchange;
    private final AutoCloseable client;

    private Upstream(String name, OpenAiConfig config, StreamingBackend backend, Optional<Relay> relay, Optional<Exchange> exchange,
                     AutoCloseable client) {
        this.name = name;
        this.config = config;
        this.backend = backend;
        this.relay = relay;
        this.exchange = exchange;
        this.client = client;
    }

    /** The OpenAI-compatible upstream {@code name} (for traces and errors) reached as {@code config} says. */
    public static Upstream of(String name, OpenAiConfig config) {
        Exchange exchange = new Exchange(config);
        return new Upstream(name, config, new HttpOpenAiBackend(config, exchange), Optional.of(new Relay(config)), Optional.of(exchange), exchange);
    }

    /** The upstream {@code name} speaking Anthropic's Messages API. */
    public static Upstream anthropic(String name, AnthropicConfig config) {
        var backend = Backend.anthropic(config);
        return new Upstream(name, config.connection(), backend, Optional.empty(), Optional.empty(), backend);
    }

    public String name() { return name; }

    public StreamingBackend backend() { return backend; }

    /** Whether a client's chat-completions body can go to it as written (an OpenAI-compatible upstream). */
    public boolean relays() { return relay.isPresent(); }

    /** What {@code model} costs here (the catalogue's price for its upstream name, else its own). */
    public Price price(String model) { return config.priceOf(model); }

    /** See {@link Relay#relay}. */
    CompletableFuture<Relayed> relay(String model, ObjectNode body, long promptChars, HttpTransport transport) {
        return relay.orElseThrow(this::notAsWritten).relay(model, body, promptChars, transport);
    }

    /**
     * A client's streamed chat body sent as written, with only {@code model} renamed to the upstream's name for
     * {@code model}; each event goes to {@code events} until {@code [DONE]}. A stream that ends without it, or a
     * server that answers with one JSON body instead of events, fails (the pool then tries the next upstream, unless
     * output was delivered).
     */
    public void streamRaw(String model, ObjectNode body, SseStream.Events events) {
        String upstream = config.upstreamModel(model);
        String where = "openai " + config.baseUrl() + " model " + upstream;
        ObjectNode b = body.deepCopy();
        b.put("model", upstream);
        Exchange.Opened opened = exchange.orElseThrow(this::notAsWritten).openStream(Endpoint.CHAT.path(), b, where);
        if (!(opened instanceof Exchange.Opened.Events ev)) {
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": a streamed request was answered with one JSON body");
        }
        if (!new SseStream(ev.body()).drain(events, config.requestTimeout(), where)) {
            throw new PonderException(events.delivered() ? PonderException.Kind.STREAM_BROKEN : PonderException.Kind.UPSTREAM_UNAVAILABLE,
                    where + ": the stream ended without [DONE]", null, null, events.delivered());
        }
    }

    private PonderException notAsWritten() {
        return new PonderException(PonderException.Kind.INTERNAL, "upstream " + name + " speaks Anthropic's Messages API: a chat body cannot go to it as written");
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
