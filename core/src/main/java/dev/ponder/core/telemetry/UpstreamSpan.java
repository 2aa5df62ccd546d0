package dev.ponder.core.telemetry;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The span of one logical call to an upstream model, {@code chat MODEL} (or {@code text_completion MODEL}), kind
 * CLIENT, as the GenAI conventions describe it: it covers the call's retries (and the parallel one-choice requests a
 * server that ignores {@code n} needs), and every HTTP request of it carries the span's context as W3C
 * {@code traceparent}, so the upstream's own spans join the trace. A pool that falls back to the next upstream makes
 * one span per upstream it tried. Off, {@link #open} returns a shared instance that does nothing.
 */
public final class UpstreamSpan implements AutoCloseable {
    private static final UpstreamSpan NONE = new UpstreamSpan(Span.getInvalid(), Context.root(), Scope.noop());
    private static final TextMapSetter<List<String[]>> PAIRS = (headers, k, v) -> headers.add(new String[] {k, v});
    private final Span span;
    private final Context context;
    private final Scope scope;

    private UpstreamSpan(Span span, Context context, Scope scope) {
        this.span = span;
        this.context = context;
        this.scope = scope;
    }

    /**
     * A call of {@code operation} ({@code chat}, {@code text_completion}) to {@code model} at {@code baseUrl}, for
     * {@code choices} choices, in the current request's telemetry, made current on this thread until closed.
     */
    // the scope is kept in the returned span and closed by its close(): callers open it in try-with-resources
    @SuppressWarnings("MustBeClosedChecker")
    public static UpstreamSpan open(String operation, String provider, String model, URI baseUrl, int choices) {
        Telemetry t = Telemetry.current();
        if (!t.on()) return NONE;
        Context parent = Context.current();
        Span s = start(t, parent, operation, provider, model, baseUrl, choices);
        Context c = parent.with(s);
        return new UpstreamSpan(s, c, c.makeCurrent());
    }

    /** As {@link #open}, under {@code parent} explicitly and never made current: a call that completes on another thread. */
    public static UpstreamSpan detached(Telemetry t, Context parent, String operation, String provider, String model, URI baseUrl,
                                        int choices) {
        if (!t.on()) return NONE;
        Span s = start(t, parent, operation, provider, model, baseUrl, choices);
        return new UpstreamSpan(s, parent.with(s), Scope.noop());
    }

    private static Span start(Telemetry t, Context parent, String operation, String provider, String model, URI baseUrl, int choices) {
        var b = t.tracer().spanBuilder(operation + " " + model).setSpanKind(SpanKind.CLIENT).setParent(parent)
                .setAttribute(Keys.OPERATION, operation).setAttribute(Keys.PROVIDER, provider).setAttribute(Keys.REQUEST_MODEL, model);
        if (choices != 1) b.setAttribute(Keys.CHOICE_COUNT, (long) choices);
        URI u = baseUrl;
        if (u.getHost() != null) {
            b.setAttribute(Keys.SERVER_ADDRESS, u.getHost());
            b.setAttribute(Keys.SERVER_PORT, (long) (u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80));
        }
        return b.startSpan();
    }

    /**
     * Adds the sampling parameters the call sends: its token cap and, from the fields passed through to the upstream,
     * {@code temperature}, {@code top_p} and {@code seed} when they are numbers.
     */
    public UpstreamSpan request(Optional<Integer> maxTokens, Map<String, Object> extra) {
        if (this == NONE) return this;
        maxTokens.ifPresent(m -> span.setAttribute(Keys.REQUEST_MAX_TOKENS, (long) m));
        if (extra.get("temperature") instanceof Number n) span.setAttribute(Keys.REQUEST_TEMPERATURE, n.doubleValue());
        if (extra.get("top_p") instanceof Number n) span.setAttribute(Keys.REQUEST_TOP_P, n.doubleValue());
        if (extra.get("seed") instanceof Number n) span.setAttribute(Keys.REQUEST_SEED, n.longValue());
        return this;
    }

    /** Whether anything is recorded: callers skip work (reading a response's id and model) when not. */
    public boolean recording() { return this != NONE; }

    /** The response's {@code id} and {@code model}, as the upstream named them. */
    public void response(String id, String model) {
        if (this == NONE) return;
        if (!id.isEmpty()) span.setAttribute(Keys.RESPONSE_ID, id);
        if (!model.isEmpty()) span.setAttribute(Keys.RESPONSE_MODEL, model);
    }

    /** The response's {@code id} and {@code model}, on the current upstream span (the call a response belongs to). */
    public static void responded(String id, String model) {
        if (!Telemetry.current().on()) return;
        Span s = Span.current();
        if (!id.isEmpty()) s.setAttribute(Keys.RESPONSE_ID, id);
        if (!model.isEmpty()) s.setAttribute(Keys.RESPONSE_MODEL, model);
    }

    /** The call answered: each choice's finish reason, the usage of all of them, its tries. */
    public void answered(List<String> finishReasons, Usage usage, int attempts) {
        if (this == NONE) return;
        span.setAttribute(Keys.FINISH_REASONS, finishReasons).setAttribute(Keys.ATTEMPTS, (long) attempts);
        Usages.set(span, usage);
    }

    /** An HTTP try's status, the last one's kept ({@code http.response.status_code}). */
    public void status(int code) {
        if (this != NONE) span.setAttribute(Keys.HTTP_STATUS, (long) code);
    }

    /** What the call used, as the upstream reported it, and what it cost. */
    public void usage(Usage u) {
        if (this != NONE) Usages.set(span, u);
    }

    /** The response's finish reasons, one per choice. */
    public void finishReasons(List<String> reasons) {
        if (this != NONE) span.setAttribute(Keys.FINISH_REASONS, reasons);
    }

    /** The call's tries, and when the last one failed, its error as {@code error.type} ({@code 503}, an exception's class). */
    public void tried(int attempts, String errorType) {
        if (this == NONE) return;
        span.setAttribute(Keys.ATTEMPTS, (long) attempts);
        if (errorType != null) span.setAttribute(Keys.ERROR_TYPE, errorType).setStatus(StatusCode.ERROR);
    }

    /** The call failed after its tries: the error's kind as {@code error.type}. */
    public void failed(PonderException e) {
        if (this == NONE) return;
        span.setAttribute(Keys.ERROR_TYPE, e.kind().name()).setAttribute(Keys.ATTEMPTS, (long) e.attempts())
                .setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    }

    /** A failure that is not a typed error (a fault): its class as {@code error.type}. */
    public void failed(Throwable e) {
        if (e instanceof PonderException p) {
            failed(p);
            return;
        }
        if (this == NONE) return;
        span.setAttribute(Keys.ERROR_TYPE, e.getClass().getName()).setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
    }

    /** {@code headers} (name, value pairs) with this span's {@code traceparent} (and {@code tracestate}) added. */
    public List<String[]> headers(List<String[]> headers) {
        if (this == NONE) return headers;
        List<String[]> out = new ArrayList<>(headers);
        W3CTraceContextPropagator.getInstance().inject(context, out, PAIRS);
        return out;
    }

    @Override
    public void close() {
        if (this == NONE) return;
        scope.close();
        span.end();
    }

    /**
     * Adds the current request's trace context to an HTTP request being built, when telemetry is on for it: the
     * upstream call's span, current while its requests go out. Nothing is added otherwise, not even an application's
     * own span (Ponder's telemetry is off, so it says nothing).
     */
    public static <C> void inject(C carrier, TextMapSetter<C> setter) {
        if (!Telemetry.current().on()) return;
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, setter);
    }
}
