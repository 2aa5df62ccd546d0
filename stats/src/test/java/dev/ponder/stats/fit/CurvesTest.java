package dev.ponder.stats.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class CurvesTest {
    private final RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(17);

    @Test
    void log_linear_recovers_gain_per_doubling() {
        double[] x = new double[40], y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = Math.pow(2, 3 + i * 0.25);
            y[i] = 0.2 + 0.05 * Math.log(x[i]) / Math.log(2) + 0.002 * rng.nextGaussian();
        }
        var fit = Curves.logLinear(x, y);
        assertThat(fit.curve().slope()).isCloseTo(0.05, within(0.002));
        assertThat(fit.curve().slopeStderr()).isPositive().isLessThan(0.002);
        assertThat(fit.goodness().rSquared()).isGreaterThan(0.99);
    }

    @Test
    void exp_power_law_recovers_parameters() {
        double[] k = new double[100], c = new double[100];
        for (int i = 0; i < 100; i++) {
            k[i] = i + 1;
            c[i] = Math.exp(-1.8 * Math.pow(k[i], -0.4));
        }
        var fit = Curves.expPowerLaw(k, c);
        assertThat(fit.curve().a()).isCloseTo(-1.8, within(1e-6));
        assertThat(fit.curve().b()).isCloseTo(-0.4, within(1e-6));
        assertThat(fit.goodness().rmse()).isLessThan(1e-8);
    }

    @Test
    void power_law_with_offset_recovers_the_floor() {
        double[] x = new double[60], y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i + 1;
            y[i] = 0.3 + 0.6 * Math.pow(x[i], -0.7) + 0.001 * rng.nextGaussian();
        }
        var fit = Curves.powerLawOffset(x, y);
        assertThat(fit.curve().E()).isCloseTo(0.3, within(0.01));
        assertThat(fit.curve().alpha()).isCloseTo(0.7, within(0.05));
    }

    @Test
    void kaplan_recovers_published_constants() {
        double[] n = new double[20], l = new double[20];
        for (int i = 0; i < 20; i++) {
            n[i] = Math.pow(10, 6 + i * 0.25);
            l[i] = Math.pow(8.8e13 / n[i], 0.076);
        }
        var fit = Curves.kaplan(n, l);
        assertThat(fit.curve().alphaN()).isCloseTo(0.076, within(1e-9));
        assertThat(fit.curve().nc()).isCloseTo(8.8e13, within(1e6));
    }

    @Test
    void rejects_non_positive_x_on_log_scale() {
        assertThatThrownBy(() -> Curves.logLinear(new double[] {1, 0, 2}, new double[] {1, 2, 3}))
                .hasMessageContaining("point 1 has 0.0");
    }
}
