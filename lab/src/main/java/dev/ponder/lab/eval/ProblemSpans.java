package dev.ponder.lab.eval;

import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.Result;
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
 * A problem's span in a traced lab run: {@code chat STRATEGY:MODEL} (kind INTERNAL) under the run's span, with the
 * problem's id and the run's seed, the strategy's steps and upstream calls under it, and its outcome as a proxy
 * request's span has it. A run without telemetry solves as it is, having read the thread's context once.
 */
final class ProblemSpans {
    private ProblemSpans() { }

    static Result solve(String policy, Problem p, long seed, Supplier<Result> solve) {
        Telemetry t = Telemetry.current();
        if (!t.on()) return solve.get();
        Context parent = Context.current();
        Span span = t.request(policy, SpanKind.INTERNAL, parent);
        span.setAttribute(Keys.PROBLEM, p.id()).setAttribute(Keys.REQUEST_SEED, seed);
        try (Scope ignored = t.context(parent, span).makeCurrent()) {
            Result r = solve.get();
            span.setAttribute(Keys.TRACE_ID, r.trace().id());
            RequestSpans.run(span, r.strategy(), r.answer(), r.samples(), r.stop().name());
            RequestSpans.totals(span, r.usage(), r.samples().size(), r.trace().calls().size(), List.of());
            if (r.samples().isEmpty() && r.failure().isPresent()) RequestSpans.failed(span, r.failure().get().kind().name(), r.failure().get().message());
            return r;
        } catch (RuntimeException e) {
            RequestSpans.failed(span, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }
}
