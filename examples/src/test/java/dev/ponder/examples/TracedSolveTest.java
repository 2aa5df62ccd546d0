package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.Solution;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.core.testing.OtlpReceiver.Received;
import dev.ponder.core.testing.TestTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

/** The traced example's spans as a collector decodes them, and the same answer untraced. */
class TracedSolveTest {

    @Test
    void the_solve_is_a_span_under_the_applications_with_its_step_under_it() {
        Solution s;
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app")) {
            s = TracedSolve.run(otel.openTelemetry());
            otel.flush();
            Received handler = receiver.only("handle question");
            Received solve = receiver.only("chat vote@5:scripted-gsm8k");
            assertThat(solve.parentSpanId()).isEqualTo(handler.spanId());
            assertThat(solve.attributes()).containsEntry("ponder.strategy", "vote@5").containsEntry("ponder.samples", 5L)
                    .containsEntry("ponder.trace_id", s.trace().id());
            assertThat(receiver.children(solve)).extracting(Received::name).containsOnly("ponder sample").isNotEmpty();
            assertThat(receiver.children(solve)).allSatisfy(step -> assertThat(step.attributes()).containsEntry("ponder.backend", "replay:gsm8k-tiny"));
        }
        assertThat(TracedSolve.run(OpenTelemetry.noop()).answer()).as("untraced, the same answer").isEqualTo(s.answer());
    }
}
