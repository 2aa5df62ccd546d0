package dev.ponder.stats.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearnThenTestTest {
    @Test
    void certifies_the_leading_run_of_rejections_only() {
        assertThat(LearnThenTest.certified(new double[] {0.01, 0.02, 0.5, 0.01}, 0.1)).isEqualTo(2);
        assertThat(LearnThenTest.certified(new double[] {0.2, 0.01}, 0.1)).isZero();
        assertThat(LearnThenTest.certified(new double[] {}, 0.1)).isZero();
    }

    @Test
    void the_family_wise_error_stays_at_delta_with_every_setting_at_the_boundary() {
        // 12 settings in sequence, each with risk exactly eps: certifying any of them is an error
        SplittableRandom rng = new SplittableRandom(3);
        double eps = 0.1;
        int n = 150;
        int errors = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] p = new double[12];
            for (int s = 0; s < p.length; s++) {
                int losses = 0;
                for (int i = 0; i < n; i++) if (rng.nextDouble() < eps) losses++;
                p[s] = HoeffdingBentkus.pValue((double) losses / n, n, eps);
            }
            if (LearnThenTest.certified(p, 0.1) > 0) errors++;
        }
        assertThat((double) errors / trials).isLessThanOrEqualTo(0.1);
    }

    @Test
    void bonferroni_splits_delta_among_sequences() {
        assertThat(LearnThenTest.bonferroni(0.1, 4)).isEqualTo(0.025);
        assertThatThrownBy(() -> LearnThenTest.bonferroni(0.1, 0)).hasMessageContaining("at least one sequence, was 0");
        assertThatThrownBy(() -> LearnThenTest.certified(new double[] {0.1}, 0)).hasMessageContaining("delta must be in (0, 1), was 0.0");
    }
}
