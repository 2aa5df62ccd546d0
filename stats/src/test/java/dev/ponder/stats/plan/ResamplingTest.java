package dev.ponder.stats.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplingTest {
    /** The notebook's two-type toy model: r = 0.87 / 0.13, shares 0.58 / 0.42, c = 1, s = 0.75. */
    static Resampling notebookToy() {
        return new Resampling(List.of(new TaskType(0.58, 0.87, 1, 0.75), new TaskType(0.42, 0.13, 1, 0.75)));
    }

    @Test
    void reproduces_the_notebook_toy_model() {
        // limits_to_inference_scaling_model.ipynb prints: beta 0.0975 / 0.6525, p_correct 0.87 / 0.13, p_fluke 0.0325 / 0.2175
        var types = notebookToy().types();
        assertThat(types.get(0).beta()).isCloseTo(0.0975, within(1e-12));
        assertThat(types.get(1).beta()).isCloseTo(0.6525, within(1e-12));
        assertThat(types.get(0).pCorrect()).isCloseTo(0.87, within(1e-12));
        assertThat(types.get(1).pCorrect()).isCloseTo(0.13, within(1e-12));
        assertThat(types.get(0).pFluke()).isCloseTo(0.0325, within(1e-12));
        assertThat(types.get(1).pFluke()).isCloseTo(0.2175, within(1e-12));
    }

    @Test
    void reproduces_llama_8b_fitted_values() {
        // inputs recovered from the rounded printed values, so agreement is to ~1e-4. visualizations cell 9: beta 0.09483 / 0.64770, p_correct 0.87382 / 0.13824, p_fluke 0.03134 / 0.21406
        double s = 1 - 0.03134 / (1 - 0.87382);
        TaskType easy = new TaskType(0.5, 0.87382, 1, s);
        TaskType hard = new TaskType(0.5, 0.13824, 1, s);
        assertThat(easy.beta()).isCloseTo(0.09483, within(1e-5));
        assertThat(hard.beta()).isCloseTo(0.64770, within(1e-4));
        assertThat(hard.pFluke()).isCloseTo(0.21406, within(1e-4));
    }

    @Test
    void expected_value_peaks_at_a_finite_k_when_false_positives_cost() {
        Resampling m = notebookToy();
        int k = m.bestK(1.0, 200);
        assertThat(k).isBetween(1, 10);
        assertThat(m.expectedValue(k, 1.0)).isGreaterThan(m.expectedValue(200, 1.0));
        assertThat(m.bestK(0.0, 50)).isEqualTo(50);   // free false positives: more is always better
        assertThat(m.accuracy(1)).isCloseTo(0.58 * 0.87 + 0.42 * 0.13, within(1e-12));
    }

    @Test
    void closed_form_matches_a_direct_sum_over_attempts() {
        Resampling m = notebookToy();
        double direct = 0;
        for (TaskType t : m.types()) {
            for (int j = 1; j <= 7; j++) direct += t.share() * Math.pow(t.beta(), j - 1) * (t.pCorrect() - 2 * t.pFluke());
        }
        assertThat(m.expectedValue(7, 2)).isCloseTo(direct, within(1e-12));
        assertThat(m.notebookExpectedValue(1, 2)).isCloseTo(m.expectedValue(1, 2), within(1e-12));
    }

    @Test
    void shares_must_sum_to_one() {
        assertThatThrownBy(() -> new Resampling(List.of(new TaskType(0.5, 0.5, 1, 1))))
                .hasMessageContaining("shares must sum to 1, got 0.5");
    }

    @Test
    void compute_exchange_formulas() {
        assertThat(ComputeExchange.snellInferenceMultiplier(1, 1e12, 1e9)).isEqualTo(1.0);
        assertThat(ComputeExchange.snellInferenceMultiplier(2, 1, 1)).isEqualTo(5.0);
        assertThat(ComputeExchange.jonesTestMultiplier(10)).isCloseTo(15, within(1e-9));
        assertThat(ComputeExchange.jonesTestMultiplier(100)).isCloseTo(225, within(1e-9));
    }
}
