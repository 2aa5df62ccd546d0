package dev.ponder.stats.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HoeffdingBentkusTest {
    @Test
    void matches_values_computed_independently_with_scipy() {
        // min(exp(-n h1(min(r, eps), eps)), e * binom.cdf(ceil(n r), n, eps)), evaluated with scipy.stats
        assertThat(HoeffdingBentkus.pValue(0, 460, 0.005)).isCloseTo(0.09968209288809865, within(1e-8));
        assertThat(HoeffdingBentkus.pValue(0.01, 238, 0.05)).isCloseTo(0.002774724937829404, within(1e-8));
        assertThat(HoeffdingBentkus.pValue(0.02, 119, 0.05)).isCloseTo(0.23574317165248324, within(1e-8));
        assertThat(HoeffdingBentkus.pValue(0.1, 30, 0.2)).isCloseTo(0.3326380154191037, within(1e-8));
        assertThat(HoeffdingBentkus.pValue(0.3, 50, 0.2)).isEqualTo(1.0);
    }

    @Test
    void p_values_are_valid_for_bernoulli_losses_at_the_boundary() {
        SplittableRandom rng = new SplittableRandom(11);
        for (double eps : new double[] {0.05, 0.2}) {
            for (int n : new int[] {40, 200}) {
                int rejected = 0;
                int trials = 4000;
                for (int t = 0; t < trials; t++) {
                    int losses = 0;
                    for (int i = 0; i < n; i++) if (rng.nextDouble() < eps) losses++;
                    if (HoeffdingBentkus.pValue((double) losses / n, n, eps) <= 0.1) rejected++;
                }
                assertThat((double) rejected / trials).as("eps %s, n %d", eps, n).isLessThanOrEqualTo(0.1);
            }
        }
    }

    @Test
    void p_values_are_valid_for_losses_averaged_over_orders() {
        // each question's loss is the share of 20 orders that disagreed: bounded in [0, 1], mean eps
        SplittableRandom rng = new SplittableRandom(5);
        double eps = 0.1;
        int rejected = 0;
        int trials = 3000;
        for (int t = 0; t < trials; t++) {
            double sum = 0;
            for (int i = 0; i < 100; i++) {
                double hard = rng.nextDouble() < 0.2 ? 0.5 : 0.0; // 20% of questions disagree half the time
                int d = 0;
                for (int r = 0; r < 20; r++) if (rng.nextDouble() < hard) d++;
                sum += d / 20.0;
            }
            if (HoeffdingBentkus.pValue(sum / 100, 100, eps) <= 0.1) rejected++;
        }
        assertThat((double) rejected / trials).isLessThanOrEqualTo(0.1);
    }

    @Test
    void certifies_when_the_observed_risk_is_well_below_epsilon() {
        assertThat(HoeffdingBentkus.pValue(0.005, 1000, 0.05)).isLessThan(1e-10);
        assertThat(HoeffdingBentkus.pValue(0.0, 459, 0.005)).isGreaterThan(0.1);
    }

    @Test
    void the_upper_bound_is_where_the_p_value_crosses_delta() {
        double b = HoeffdingBentkus.upperBound(0.02, 238, 0.1);
        assertThat(b).isGreaterThan(0.02).isLessThan(0.06);
        assertThat(HoeffdingBentkus.pValue(0.02, 238, b)).isLessThanOrEqualTo(0.1);
        assertThat(HoeffdingBentkus.pValue(0.02, 238, b - 1e-4)).isGreaterThan(0.1);
        assertThat(HoeffdingBentkus.upperBound(0, 460, 0.1)).isLessThanOrEqualTo(0.005);
        assertThat(HoeffdingBentkus.upperBound(0.02, 2380, 0.1)).isLessThan(b);
    }

    @Test
    void questions_needed_at_zero_losses_is_about_log_one_over_delta_over_epsilon() {
        assertThat(HoeffdingBentkus.questionsNeeded(0, 0.005, 0.1)).hasValue(460);
        assertThat(HoeffdingBentkus.questionsNeeded(0, 0.05, 0.1)).hasValue(45);
        int atRate = HoeffdingBentkus.questionsNeeded(0.02, 0.05, 0.1).orElseThrow();
        assertThat(HoeffdingBentkus.pValue(0.02, atRate, 0.05)).isLessThanOrEqualTo(0.1);
        assertThat(HoeffdingBentkus.pValue(0.02, atRate - 1, 0.05)).isGreaterThan(0.1);
        assertThat(HoeffdingBentkus.questionsNeeded(0.05, 0.05, 0.1)).isEmpty();
    }

    @Test
    void rejects_values_out_of_range_naming_them() {
        assertThatThrownBy(() -> HoeffdingBentkus.pValue(1.5, 10, 0.1)).hasMessageContaining("mean loss must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> HoeffdingBentkus.pValue(0.1, 0, 0.1)).hasMessageContaining("at least one question, was 0");
        assertThatThrownBy(() -> HoeffdingBentkus.pValue(0.1, 10, 0)).hasMessageContaining("epsilon must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> HoeffdingBentkus.upperBound(0.1, 10, 1)).hasMessageContaining("delta must be in (0, 1), was 1.0");
    }
}
