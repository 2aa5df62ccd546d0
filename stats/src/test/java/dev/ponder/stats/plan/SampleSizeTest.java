package dev.ponder.stats.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.stats.interval.Wilson;
import org.junit.jupiter.api.Test;

class SampleSizeTest {
    @Test
    void classic_plus_minus_three_points_needs_about_a_thousand() {
        assertThat(SampleSize.forProportion(0.5, 0.03, Wilson.Z95)).isEqualTo(1068);
        assertThat(SampleSize.halfWidth(0.5, 1068, Wilson.Z95)).isLessThanOrEqualTo(0.03);
    }

    @Test
    void wilson_size_is_the_smallest_that_fits() {
        long n = SampleSize.wilson(0.9, 0.05, Wilson.Z95);
        assertThat(Wilson.interval(0.9 * n, n, Wilson.Z95).halfWidth()).isLessThanOrEqualTo(0.05);
        assertThat(Wilson.interval(0.9 * (n - 1), n - 1, Wilson.Z95).halfWidth()).isGreaterThan(0.05);
    }

    @Test
    void samples_for_coverage() {
        assertThat(SampleSize.samplesForCoverage(0.5, 0.99)).isEqualTo(7);
        assertThat(SampleSize.samplesForCoverage(1.0, 0.99)).isEqualTo(1);
    }
}
