package dev.ponder.stats.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static RandomGenerator rng(long seed) { return RandomGeneratorFactory.of("L64X128MixRandom").create(seed); }

    @Test
    void same_seed_same_interval() {
        double[] v = new double[200];
        RandomGenerator data = rng(9);
        for (int i = 0; i < v.length; i++) v[i] = data.nextDouble() < 0.3 ? 1 : 0;
        Estimate a = Bootstrap.mean(v, 2000, 0.95, rng(1));
        Estimate b = Bootstrap.mean(v, 2000, 0.95, rng(1));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void stderr_of_a_mean_matches_the_analytic_value() {
        double[] v = new double[400];
        RandomGenerator data = rng(10);
        for (int i = 0; i < v.length; i++) v[i] = data.nextGaussian();
        Estimate e = Bootstrap.mean(v, 4000, 0.95, rng(2));
        double analytic = Quantiles.stdev(v) / Math.sqrt(v.length);
        assertThat(e.stderr()).isCloseTo(analytic, within(0.1 * analytic));
        assertThat(e.interval().halfWidth()).isCloseTo(1.96 * analytic, within(0.15 * analytic));
        assertThat(e.interval().contains(e.value())).isTrue();
    }

    @Test
    void paired_difference_is_narrower_than_unpaired_when_strategies_agree() {
        int n = 300;
        double[] a = new double[n];
        double[] b = new double[n];
        RandomGenerator data = rng(11);
        for (int i = 0; i < n; i++) {
            a[i] = data.nextDouble() < 0.6 ? 1 : 0;
            b[i] = a[i] == 1 && data.nextDouble() < 0.1 ? 0 : a[i];   // b is a with 10% of successes lost
        }
        Estimate d = Bootstrap.pairedDifference(a, b, 4000, 0.95, rng(3));
        double unpaired = Math.hypot(Bootstrap.mean(a, 2000, 0.95, rng(4)).stderr(), Bootstrap.mean(b, 2000, 0.95, rng(5)).stderr());
        assertThat(d.value()).isGreaterThan(0);
        assertThat(d.low()).isGreaterThan(0);
        assertThat(d.stderr()).isLessThan(unpaired / 2);
    }

    @Test
    void statistic_over_indices_gives_the_original_value() {
        double[] v = {1, 2, 3, 4, 100};
        Estimate med = Bootstrap.statistic(v.length, idx -> {
            double[] s = new double[idx.length];
            for (int i = 0; i < idx.length; i++) s[i] = v[idx[i]];
            return Quantiles.quantile(s, 0.5);
        }, 500, 0.9, rng(6));
        assertThat(med.value()).isEqualTo(3.0);
    }

    @Test
    void quantiles_match_numpy_linear() {
        // numpy.quantile([1, 2, 3, 4, 10], [0.1, 0.5, 0.975]) -> [1.4, 3.0, 9.4]
        double[] v = {10, 2, 3, 1, 4};
        assertThat(Quantiles.quantile(v, 0.1)).isCloseTo(1.4, within(1e-12));
        assertThat(Quantiles.quantile(v, 0.5)).isEqualTo(3.0);
        assertThat(Quantiles.quantile(v, 0.975)).isCloseTo(9.4, within(1e-12));
    }
}
