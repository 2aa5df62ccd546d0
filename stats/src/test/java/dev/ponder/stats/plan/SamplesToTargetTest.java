package dev.ponder.stats.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.stats.estimate.PassAtK;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class SamplesToTargetTest {
    private static RandomGenerator rng(long s) { return RandomGeneratorFactory.of("L64X128MixRandom").create(s); }

    /** Problems with per-sample success p_i; 30% of them are unsolvable, so coverage can never pass 0.7. */
    private static double[][] coverage(int[] ks) {
        RandomGenerator r = rng(8);
        double[][] per = new double[200][ks.length];
        for (int i = 0; i < 200; i++) {
            int c = i < 60 ? 0 : 3 + r.nextInt(60);
            for (int j = 0; j < ks.length; j++) per[i][j] = PassAtK.passAtK(100, c, ks[j]);
        }
        return per;
    }

    @Test
    void reachable_target_gets_a_k_that_the_fitted_curve_meets() {
        int[] ks = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50};
        SamplesToTarget p = SamplesToTarget.plan(SamplesToTarget.Shape.PLATEAU, ks, coverage(ks), 0.6, 200, 0.95, rng(1));
        assertThat(p.reachable()).isTrue();
        assertThat(SamplesToTarget.accuracy(p.fit().curve(), p.kNeeded())).isGreaterThanOrEqualTo(0.6 - 1e-9);
        assertThat(SamplesToTarget.accuracy(p.fit().curve(), Math.max(1, p.kNeeded() - 1))).isLessThan(0.6 + 0.02);
        assertThat(p.kInterval().low()).isLessThanOrEqualTo(p.kNeeded());
        // the true ceiling is 0.7; a power law fitted on k <= 50 sees the curve still rising and overshoots a little
        assertThat(p.ceiling()).isBetween(p.curve()[ks.length - 1], 0.85);
    }

    @Test
    void target_above_the_ceiling_is_not_reachable() {
        int[] ks = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50};
        SamplesToTarget p = SamplesToTarget.plan(SamplesToTarget.Shape.PLATEAU, ks, coverage(ks), 0.9, 100, 0.95, rng(2));
        assertThat(p.reachable()).isFalse();
        assertThat(p.ceiling()).isLessThan(0.9);
        assertThat(p.observedK()).isEmpty();
    }

    @Test
    void coverage_shape_uses_the_exponentiated_power_law() {
        int[] ks = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 40, 50};
        double[][] per = new double[1][ks.length];
        for (int j = 0; j < ks.length; j++) per[0][j] = Math.exp(-2.0 * Math.pow(ks[j], -0.5));
        SamplesToTarget p = SamplesToTarget.plan(SamplesToTarget.Shape.COVERAGE, ks, per, 0.8, 20, 0.95, rng(3));
        // exp(-2 k^-0.5) >= 0.8  <=>  k >= (log 0.8 / -2)^-2 = 80.2
        assertThat(p.kNeeded()).isEqualTo(81.0);
        assertThat(p.ceiling()).isEqualTo(1.0);
    }
}
