package dev.ponder.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static List<List<TierEstimate>> heldOut() {
        SplittableRandom rng = new SplittableRandom(3);
        List<List<TierEstimate>> out = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double p = rng.nextDouble(0.2, 0.95);
            out.add(List.of(new TierEstimate(p, 1), new TierEstimate(p + rng.nextDouble() * (1 - p), 20)));
        }
        return out;
    }

    @Test
    void target_cost_is_met_on_the_held_out_queries() {
        SpendCalibration c = SpendCalibration.of(heldOut());
        double lambda = c.lambdaFor(new Knob.TargetCost(5));
        assertThat(c.measure(lambda, false)).isLessThanOrEqualTo(5).isGreaterThan(4);
    }

    @Test
    void strong_share_is_met_on_the_held_out_queries() {
        SpendCalibration c = SpendCalibration.of(heldOut());
        double lambda = c.lambdaFor(new Knob.StrongShare(0.3));
        assertThat(c.measure(lambda, true)).isLessThanOrEqualTo(0.3).isGreaterThan(0.25);
    }

    @Test
    void a_generous_target_needs_no_penalty() {
        assertThat(SpendCalibration.of(heldOut()).lambdaFor(new Knob.TargetCost(100))).isZero();
    }

    @Test
    void targets_need_held_out_estimates() {
        assertThatThrownBy(() -> SpendCalibration.of(List.of()).lambdaFor(new Knob.StrongShare(0.5))).hasMessageContaining("held-out");
        assertThat(SpendCalibration.of(List.of()).lambdaFor(new Knob.Lambda(2))).isEqualTo(2);
    }
}
