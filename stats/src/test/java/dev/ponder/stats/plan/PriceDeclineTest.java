package dev.ponder.stats.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PriceDeclineTest {
    @Test
    void three_x_a_year_divides_by_nine_in_two_years() {
        PriceDecline d = new PriceDecline(3);
        assertThat(d.priceAfter(0.18, 2)).isCloseTo(0.02, within(1e-15));
        assertThat(d.multipleAfter(5)).isCloseTo(243, within(1e-9));
        assertThat(d.priceAfter(1, 0.5)).isCloseTo(1 / Math.sqrt(3), within(1e-15));
    }

    @Test
    void a_thousand_x_in_five_years_is_about_four_x_a_year_not_three() {
        // 1000^(1/5) = 10^(3/5) = 3.981..., and at 3x a year a thousandfold drop takes log 1000 / log 3 = 6.29 years
        assertThat(PriceDecline.over(1000, 5).perYear()).isCloseTo(3.9810717055, within(1e-9));
        assertThat(new PriceDecline(3).yearsToReach(1000, 1).getAsDouble()).isCloseTo(6.2877098228, within(1e-9));
        assertThat(PriceDecline.over(1000, 3).perYear()).isCloseTo(10, within(1e-12));
    }

    @Test
    void years_to_reach_a_target() {
        assertThat(new PriceDecline(3).yearsToReach(0.27, 0.01).getAsDouble()).isCloseTo(3, within(1e-12));
        assertThat(new PriceDecline(10).yearsToReach(1000, 0.01).getAsDouble()).isCloseTo(5, within(1e-12));
        assertThat(new PriceDecline(1.5).yearsToReach(0.005, 0.01).getAsDouble()).isZero();
        assertThat(new PriceDecline(1).yearsToReach(0.02, 0.01)).isEmpty();
        assertThat(new PriceDecline(3).yearsToReach(0.02, 0)).isEmpty();
    }

    @Test
    void rejects_rising_or_impossible_rates() {
        assertThatThrownBy(() -> new PriceDecline(0.5)).hasMessageContaining("was 0.5");
        assertThatThrownBy(() -> new PriceDecline(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> PriceDecline.over(1000, 0)).hasMessageContaining("years must be > 0");
        assertThatThrownBy(() -> new PriceDecline(3).priceAfter(-1, 1)).hasMessageContaining("was -1");
    }
}
