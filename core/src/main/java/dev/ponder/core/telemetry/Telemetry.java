package dev.ponder.core.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Where Ponder's spans go: an application's {@link OpenTelemetry} (its SDK, exporter and sampler), or nowhere, the
 * default. Off, nothing is made and nothing is kept. On, a request's span carries this telemetry in its
 * {@link Context}: the strategy steps and backend calls made for the request, on its thread or on a thread the context
 * was handed to ({@link #wrap}), find it there ({@link #current()}) and become the span's children, so a backend needs
 * no configuration of its own. The span tree: a request ({@code chat vote@3:gpt-4o-mini}), its strategy steps
 * ({@code ponder sample}), and under each the upstream calls ({@code chat gpt-4o-mini}, kind CLIENT), whose context
 * the upstream receives as W3C {@code traceparent}.
 */
public final class Telemetry {
    static final String SCOPE = "dev.ponder";
    private static final ContextKey<Telemetry> KEY = ContextKey.named("ponder-telemetry");
    private static final Telemetry OFF = new Telemetry(null);
    private final Tracer tracer; // null when off

    private Telemetry(Tracer tracer) { this.tracer = tracer; }

    /** Spans to {@code openTelemetry}'s tracer provider (instrumentation scope {@code dev.ponder}). */
    public static Telemetry of(OpenTelemetry openTelemetry) {
        return new Telemetry(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(SCOPE));
    }

    /** No spans at all. */
    public static Telemetry off() { return OFF; }

    public boolean on() { return tracer != null; }

    /** The telemetry of the request the current thread works for; off when it works for none that has any. */
    public static Telemetry current() {
        Telemetry t = Context.current().get(KEY);
        return t == null ? OFF : t;
    }

    /**
     * Starts a request's span, {@code chat MODEL} ({@code model} as asked: {@code vote@3:gpt-4o-mini}), as a child of
     * {@code parent}'s span (the caller's, or the one a client sent as {@code traceparent}); an invalid span when off.
     */
    public Span request(String model, SpanKind kind, Context parent) { return request("chat", model, kind, parent); }

    /** As {@link #request(String, SpanKind, Context)}, for another operation: {@code text_completion MODEL}, {@code embeddings MODEL}. */
    public Span request(String operation, String model, SpanKind kind, Context parent) {
        if (tracer == null) return Span.getInvalid();
        return tracer.spanBuilder(operation + " " + model).setSpanKind(kind).setParent(parent)
                .setAttribute(Keys.OPERATION, operation).setAttribute(Keys.REQUEST_MODEL, model).startSpan();
    }

    /** A span of Ponder's own work ({@code ponder run} in the lab), child of {@code parent}; invalid when off. */
    public Span internal(String name, Context parent) {
        if (tracer == null) return Span.getInvalid();
        return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(parent).startSpan();
    }

    /** The context a request's work runs in: {@code span} and this telemetry over {@code parent}. */
    public Context context(Context parent, Span span) { return parent.with(span).with(KEY, this); }

    /** {@code executor} handing each task the submitter's context when on; {@code executor} itself when off. */
    public Executor wrap(Executor executor) { return tracer == null ? executor : Context.taskWrapping(executor); }

    /** As {@link #wrap(Executor)}, for a pool that is closed by its owner. */
    public ExecutorService wrap(ExecutorService executor) { return tracer == null ? executor : Context.taskWrapping(executor); }

    Tracer tracer() { return tracer; }
}
