package dev.ponder.stats.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class LogSlopeTest {
    private static RandomGenerator rng(long s) { return RandomGeneratorFactory.of("L64X128MixRandom").create(s); }

    @Test
    void recovers_within_group_slope_despite_group_offsets() {
        // two datasets: the long-thinking one is much easier, but inside each, accuracy falls 3 points per doubling
        int n = 4000;
        double[] x = new double[n], y = new double[n];
        int[] g = new int[n];
        RandomGenerator r = rng(3);
        for (int i = 0; i < n; i++) {
            g[i] = i % 2;
            double log2 = (g[i] == 0 ? 8 : 13) + 2 * r.nextGaussian();
            x[i] = Math.pow(2, log2);
            double p = (g[i] == 0 ? 0.3 : 0.9) - 0.03 * (log2 - (g[i] == 0 ? 8 : 13));
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        var e = LogSlope.perDoubling(x, y, g, 500, 0.95, rng(4));
        assertThat(e.value()).isCloseTo(-0.03, within(0.01));
        assertThat(e.interval().contains(-0.03)).isTrue();
        assertThat(e.high()).isLessThan(0);
        // pooled without groups the slope is strongly positive (the confound the groups remove)
        assertThat(LogSlope.perDoubling(x, y, new int[n], 50, 0.95, rng(5)).value()).isGreaterThan(0.05);
    }
}
