package dev.ponder.server.telemetry;

import dev.ponder.core.telemetry.Keys;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.chat.ChatPipeline;
import dev.ponder.server.chat.Reply;
import dev.ponder.server.chat.RequestObserver;
import dev.ponder.server.chat.Settled;
import dev.ponder.server.config.TelemetryConfig;
import dev.ponder.server.upstream.HttpTransport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's OpenTelemetry, made only when the config has a {@code telemetry} section (or the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}): without one nothing of this exists, and the request path neither allocates
 * nor looks up anything for telemetry. With one, every chat request is a span, {@code chat MODEL} of kind SERVER, the
 * child of the client's W3C {@code traceparent} when it sent one; the pipeline runs the request in the span's context,
 * so the strategy's steps and upstream calls (and a relayed body's call, through {@link TracedRequest}) are its
 * children. The span is described when the request settles and ends when its answer has gone out.
 */
public final class ProxyTelemetry implements RequestObserver, AutoCloseable {
    private static final TextMapGetter<String[]> HEADERS = new TextMapGetter<>() {
        @Override
        public String get(String[] carrier, String key) {
            return carrier == null ? null : key.equals("traceparent") ? carrier[0] : key.equals("tracestate") ? carrier[1] : null;
        }
    };
    private final Otlp otlp;
    private final Telemetry telemetry;
    private final Map<String, TracedRequest> open = new ConcurrentHashMap<>();

    private ProxyTelemetry(Otlp otlp) {
        this.otlp = otlp;
        this.telemetry = Telemetry.of(otlp.openTelemetry());
    }

    /** The SDK and its OTLP/HTTP exporter as {@code config} says. */
    public static ProxyTelemetry start(TelemetryConfig config) {
        return new ProxyTelemetry(Otlp.start(config, line -> System.err.println("ponder serve: warning: " + line)));
    }

    /** What the pipeline's threads carry to the core (the strategy engine's steps and calls). */
    public Telemetry telemetry() { return telemetry; }

    /**
     * A request read on an event loop, with its {@code traceparent} and {@code tracestate} headers (null when absent) and
     * what its answer's id starts with (empty: the upstream's id): its span opened ({@code chat MODEL}, or
     * {@code text_completion}, {@code embeddings} for a relayed endpoint's), then handed to the pipeline in the span's
     * context, with its reply and the loop's transport traced.
     */
    public void submit(ChatPipeline pipeline, Caller caller, ChatRequest req, Reply reply, HttpTransport transport, String traceparent,
                       String tracestate, String idPrefix) {
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), new String[] {traceparent, tracestate}, HEADERS);
        String operation = switch (req.operation()) {
            case CHAT -> "chat";
            case COMPLETION -> "text_completion";
            case EMBEDDING -> "embeddings";
        };
        Span span = telemetry.request(operation, req.model(), SpanKind.SERVER, parent);
        if (req.n() != 1) span.setAttribute(Keys.CHOICE_COUNT, (long) req.n());
        req.seed().ifPresent(s -> span.setAttribute(Keys.REQUEST_SEED, s));
        req.maxTokens().ifPresent(m -> span.setAttribute(Keys.REQUEST_MAX_TOKENS, (long) m));
        Context context = telemetry.context(parent, span);
        TracedRequest traced = new TracedRequest(this, span, context, reply, transport, idPrefix);
        try (Scope ignored = context.makeCurrent()) {
            pipeline.submit(caller, req, traced, traced);
        }
    }

    void opened(String traceId, TracedRequest r) { open.put(traceId, r); }

    void closed(String traceId) { open.remove(traceId); }

    @Override
    public void settled(Settled s) {
        TracedRequest r = open.get(s.traceId());
        if (r != null) r.settled(s);
    }

    /** Sends the spans still buffered (waiting up to 10 s for the collector) and stops the exporter. */
    @Override
    public void close() { otlp.close(); }
}
