package dev.ponder.stats.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

    @Test
    void separates_a_one_dimensional_threshold() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 400;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextDouble(-3, 3);
            x[i][1] = rng.nextDouble();                      // noise feature
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-2 * x[i][0])) ? 1 : 0;
        }
        LogisticModel m = LogisticModel.fit(x, y, 1e-3, 300);
        assertThat(m.predict(new double[] {2, 0.5})).isGreaterThan(0.9);
        assertThat(m.predict(new double[] {-2, 0.5})).isLessThan(0.1);
        assertThat(m.predict(new double[] {0, 0.5})).isBetween(0.3, 0.7);
    }

    @Test
    void constant_labels_give_their_rate() {
        double[][] x = {{1}, {2}, {3}, {4}};
        LogisticModel m = LogisticModel.fit(x, new double[] {0.7, 0.7, 0.7, 0.7}, 1.0, 200);
        assertThat(m.predict(new double[] {2.5})).isCloseTo(0.7, Offset.offset(0.01));
    }

    @Test
    void rejects_labels_outside_unit_interval() {
        assertThatThrownBy(() -> LogisticModel.fit(new double[][] {{1}}, new double[] {2}, 0, 10))
                .hasMessageContaining("label 0");
    }
}
