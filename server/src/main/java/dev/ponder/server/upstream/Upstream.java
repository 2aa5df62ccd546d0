package dev.ponder.server.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.Exchange;
import dev.ponder.core.backend.openai.protocol.HttpOpenAiBackend;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.telemetry.UpstreamSpan;
import java.util.concurrent.CompletableFuture;

/**
 * One upstream server, shared by every model it serves, three ways: the engine's {@link OpenAiBackend} (strategies,
 * streams of the engine's own), the event-loop {@link Relay} (a client's body relayed as written), and a client's
 * stream passed through as written. The backend and the passed-through streams share one JDK HTTP client (the core's
 * {@link Exchange}: one selector thread and one connection pool per server, not per model).
 */
public final class Upstream implements AutoCloseable {
    private final String name;
    private final OpenAiConfig config;
    private final OpenAiBackend backend;
    private final Relay relay;
    private final Exchange exchange;

    private Upstream(String name, OpenAiConfig config) {
        this.name = name;
        this.config = config;
        this.exchange = new Exchange(config);
        this.backend = new HttpOpenAiBackend(config, exchange);
        this.relay = new Relay(config);
    }

    /** The upstream {@code name} (for traces and errors) reached as {@code config} says. */
    public static Upstream of(String name, OpenAiConfig config) { return new Upstream(name, config); }

    public String name() { return name; }

    public OpenAiBackend backend() { return backend; }

    /** What {@code model} costs here (the catalogue's price for its upstream name, else its own). */
    public Price price(String model) { return config.priceOf(model); }

    /** See {@link Relay#relay}. */
    CompletableFuture<Relayed> relay(String model, ObjectNode body, long promptChars, HttpTransport transport) {
        return relay.relay(model, body, promptChars, transport);
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
        try (UpstreamSpan span = UpstreamSpan.open(Endpoint.CHAT.operation(), "openai", upstream, config.baseUrl(), b.path("n").asInt(1))) {
            try {
                Exchange.Opened opened = exchange.openStream(Endpoint.CHAT.path(), b, where);
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

    /** Stops the HTTP client: its connections close and calls in flight fail. */
    @Override
    public void close() { backend.close(); }
}
