package dev.ponder.core;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.telemetry.Keys;
import dev.ponder.core.telemetry.RequestSpans;
import dev.ponder.core.telemetry.Telemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.function.Supplier;

/**
 * The library's request spans: a solve is {@code chat POLICY} (kind INTERNAL), a child of the application's current
 * span, with the strategy's steps and upstream calls under it. Off, a solve runs as it is.
 */
record SolveSpans(Telemetry telemetry) {

    Solution around(Policy policy, Supplier<Solution> solve) {
        if (!telemetry.on()) return solve.get();
        Context parent = Context.current();
        Span span = telemetry.request(policy.toString(), SpanKind.INTERNAL, parent);
        try (Scope ignored = telemetry.context(parent, span).makeCurrent()) {
            Solution s = solve.get();
            describe(span, s);
            return s;
        } catch (RuntimeException e) {
            RequestSpans.failed(span, e instanceof PonderException p ? p.kind().name() : e.getClass().getName(), String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private static void describe(Span span, Solution s) {
        if (!span.isRecording()) return;
        int colon = s.policy().indexOf(':');
        span.updateName("chat " + s.policy()).setAttribute(Keys.REQUEST_MODEL, s.policy()).setAttribute(Keys.TRACE_ID, s.trace().id());
        RequestSpans.run(span, colon < 0 ? s.policy() : s.policy().substring(0, colon), s.answer(), s.samples(), s.stop().name());
        RequestSpans.totals(span, s.usage(), s.sampleCount(), s.trace().calls().size(), List.of());
        if (s.samples().isEmpty() && s.failure().isPresent()) {
            RequestSpans.failed(span, s.failure().get().kind().name(), String.valueOf(s.failure().get().getMessage()));
        }
    }
}
