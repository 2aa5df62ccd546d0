package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
// end: imports

/**
 * A solve traced with the application's own OpenTelemetry (its SDK, sampler and exporter; Ponder's core needs only
 * the API): the solve is a span under the application's current span, with the strategy's steps under it. Replayed
 * from a bank, so it runs offline; with no SDK installed, {@code GlobalOpenTelemetry.get()} makes no spans.
 */
public final class TracedSolve {

    public static void main(String[] args) {
        System.out.println(run(GlobalOpenTelemetry.get()).answer());
    }

    public static Solution run(OpenTelemetry otel) {
        // snippet: telemetry
        try (Ponder ponder = Ponder.builder()
                .replay("scripted-gsm8k", Banks.gsm8kTiny())
                .telemetry(otel)                                  // the application's OpenTelemetry instance
                .seed(42)
                .build()) {
            Span handler = otel.getTracer("my-app").spanBuilder("handle question").startSpan();
            try (Scope ignored = handler.makeCurrent()) {
                // the solve's span, "chat vote@5:scripted-gsm8k", is a child of "handle question"
                return ponder.solve(Banks.gsm8kTiny().problems().getFirst().question(), Policy.parse("vote@5").withAnswer("number"));
            } finally {
                handler.end();
            }
        }
        // end: telemetry
    }

    private TracedSolve() {}
}
