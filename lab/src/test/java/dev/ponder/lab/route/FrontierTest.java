package dev.ponder.lab.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierTest {
    @Test
    void cost_for_a_quality_interpolates_between_hull_vertices_and_skips_dominated_points() {
        Frontier f = Frontier.of(List.of(new double[] {1, 0.5}, new double[] {2, 0.55}, new double[] {3, 0.9}, new double[] {10, 1.0}, new double[] {4, 0.6}));
        assertThat(f.costFor(0.5)).isEqualTo(1);
        assertThat(f.costFor(0.7)).isCloseTo(1 + (0.2 / 0.4) * 2, within(1e-12));   // chord from (1,.5) to (3,.9)
        assertThat(f.costFor(1.0)).isEqualTo(10);
        assertThat(f.costFor(1.01)).isNaN();
    }

    @Test
    void apgr_is_one_when_the_strong_quality_comes_at_the_weak_cost_and_half_for_the_straight_line() {
        Frontier perfect = Frontier.of(List.of(new double[] {1, 0.5}, new double[] {1, 0.9}));
        assertThat(perfect.apgr(1, 0.5, 10, 0.9)).isCloseTo(1, within(1e-9));
        Frontier line = Frontier.of(List.of(new double[] {1, 0.5}, new double[] {10, 0.9}));
        assertThat(line.apgr(1, 0.5, 10, 0.9)).isCloseTo(0.5, within(1e-3));
    }
}
