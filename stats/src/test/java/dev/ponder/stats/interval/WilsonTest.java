package dev.ponder.stats.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
    @Test
    void matches_the_textbook_form_evaluated_independently() {
        // (x + z^2/2)/(n + z^2) +/- z sqrt(n)/(n + z^2) sqrt(p q + z^2/(4n)), evaluated independently with scipy's z
        Interval i = Wilson.interval95(37, 50);
        assertThat(i.estimate()).isEqualTo(0.74);
        assertThat(i.low()).isCloseTo(0.6044684273515116, within(1e-6));
        assertThat(i.high()).isCloseTo(0.841284725064476, within(1e-6));
        assertThat(i.level()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void stays_inside_unit_interval_at_the_edges() {
        Interval zero = Wilson.interval95(0, 10);
        assertThat(zero.low()).isEqualTo(0.0);
        assertThat(zero.high()).isCloseTo(0.2775328, within(1e-6));
        Interval all = Wilson.interval95(10, 10);
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(0.7224672, within(1e-6));
    }

    @Test
    void z_for_level() {
        assertThat(Wilson.zFor(0.95)).isCloseTo(Wilson.Z95, within(1e-12));
        assertThat(Wilson.atLevel(37, 50, 0.99).halfWidth()).isGreaterThan(Wilson.interval95(37, 50).halfWidth());
    }

    @Test
    void rejects_more_successes_than_trials() {
        assertThatThrownBy(() -> Wilson.interval95(11, 10)).hasMessageContaining("successes must be in [0, n=10], was 11.0");
        assertThatThrownBy(() -> Wilson.interval95(0, 0)).hasMessageContaining("n > 0");
    }
}
