package dev.ponder.core.telemetry;

import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.function.Supplier;

/**
 * The span of one strategy step, {@code ponder PURPOSE}: a call a strategy makes through its session (samples, a
 * critique, a judge's pick), from its budget check to its answers read, current while it runs so the backend's
 * upstream calls are its children. It is described from the line the step wrote in Ponder's own trace, so the two
 * never disagree. Off, {@link #open} reads the thread's context once and returns a shared instance that does nothing.
 */
public final class StepSpan implements AutoCloseable {
    private static final StepSpan NONE = new StepSpan(Span.getInvalid(), Scope.noop(), 0);
    private final Span span;
    private final Scope scope;
    private final int callsBefore;

    private StepSpan(Span span, Scope scope, int callsBefore) {
        this.span = span;
        this.scope = scope;
        this.callsBefore = callsBefore;
    }

    /** A step asking {@code model} for {@code samples} samples, for the request whose trace is {@code trace}. */
    // the scope is kept in the returned span and closed by its close(): callers open it in try-with-resources
    @SuppressWarnings("MustBeClosedChecker")
    public static StepSpan open(String purpose, String model, int samples, Trace trace) {
        Telemetry t = Telemetry.current();
        if (!t.on()) return NONE;
        Context parent = Context.current();
        Span s = t.tracer().spanBuilder("ponder " + purpose).setParent(parent)
                .setAttribute(Keys.STEP, purpose).setAttribute(Keys.REQUEST_MODEL, model)
                .setAttribute(Keys.SAMPLES_REQUESTED, (long) samples).setAttribute(Keys.TRACE_ID, trace.id()).startSpan();
        return new StepSpan(s, parent.with(s).makeCurrent(), trace.calls().size());
    }

    /** Runs {@code step} in its span (when on), described from what it drew and from {@code stop}, read once it ran. */
    public static <S> List<S> around(String purpose, String model, int samples, Trace trace, Supplier<List<S>> step, Supplier<String> stop) {
        try (StepSpan span = open(purpose, model, samples, trace)) {
            List<S> got = step.get();
            span.describe(got.size(), trace, stop.get());
            return got;
        }
    }

    /**
     * Describes the step: {@code drawn} samples, the call it recorded in {@code trace} (backend, tokens, dollars, tries,
     * error) and, when drawing stopped here ({@code stop} not {@code DONE}), why.
     */
    public void describe(int drawn, Trace trace, String stop) {
        if (this == NONE) return;
        span.setAttribute(Keys.SAMPLES, (long) drawn);
        if (!stop.equals("DONE")) span.setAttribute(Keys.STOP_REASON, stop);
        List<Call> calls = trace.calls();
        if (calls.size() <= callsBefore) return;
        Call c = calls.get(callsBefore);
        span.setAttribute(Keys.BACKEND, c.backend()).setAttribute(Keys.ATTEMPTS, (long) c.attempts());
        Usages.set(span, c.usage());
        c.error().ifPresent(e -> {
            int colon = e.indexOf(':');
            span.setAttribute(Keys.ERROR_TYPE, colon > 0 ? e.substring(0, colon) : e).setStatus(StatusCode.ERROR, e);
        });
    }

    @Override
    public void close() {
        if (this == NONE) return;
        scope.close();
        span.end();
    }
}
