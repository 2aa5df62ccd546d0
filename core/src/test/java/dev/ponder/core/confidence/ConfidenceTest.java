package dev.ponder.core.confidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceTest {
    private static Confidence.Token t(double lp, double... top) {
        return new Confidence.Token(lp, Arrays.stream(top).boxed().toList());
    }

    @Test
    void token_and_group_confidences_follow_deepconf() {
        // token confidences: -(mean top-k): 0.5, 2.0, 1.0, 0.25; windows of 2: 1.25, 1.5, 0.625 -> lowest 0.625
        List<Confidence.Token> ts = List.of(t(-0.1, -0.1, -0.9), t(-1.5, -1.5, -2.5), t(-0.5, -0.5, -1.5), t(-0.05, -0.05, -0.45));
        Confidence c = Confidence.of(ts, 2);
        assertThat(c.tokens()).isEqualTo(4);
        assertThat(c.meanLogProb()).isCloseTo(-2.15 / 4, within(1e-12));
        assertThat(c.lowestGroupConfidence()).isCloseTo(0.625, within(1e-12));
        assertThat(c.weight()).isCloseTo(Math.exp(-2.15 / 4), within(1e-12));
    }

    @Test
    void a_trace_shorter_than_the_window_is_one_group() {
        Confidence c = Confidence.of(List.of(t(-0.2, -0.2, -1.0), t(-0.4)), Confidence.WINDOW);
        assertThat(c.lowestGroupConfidence()).isCloseTo((0.6 + 0.4) / 2, within(1e-12));
    }

    @Test
    void rejects_positive_log_probabilities_and_empty_traces() {
        assertThatThrownBy(() -> t(0.3)).hasMessageContaining("log-probability must be <= 0, was 0.3");
        assertThatThrownBy(() -> Confidence.of(List.of(), 8)).hasMessageContaining("no tokens");
    }
}
