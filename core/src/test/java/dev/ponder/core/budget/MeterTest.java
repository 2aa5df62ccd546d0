package dev.ponder.core.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MeterTest {
    private static Usage dollars(double d) { return new Usage(1, 1, 0, d, Duration.ZERO); }

    @Test
    void rejects_negative_budget() {
        assertThatThrownBy(() -> Budget.dollars(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Budget.UNLIMITED.withTokens(-5)).hasMessageContaining("-5");
        assertThatThrownBy(() -> Budget.UNLIMITED.withDeadline(Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    }

    @Test
    void reservations_count_before_they_settle() {
        Meter m = new Meter(Budget.dollars(1.0), InstantSource.system());
        Meter.Reservation a = m.reserve(dollars(0.6));
        assertThatThrownBy(() -> m.reserve(dollars(0.6))).isInstanceOf(PonderException.class).hasMessageContaining("dollar budget");
        a.settle(dollars(0.1));
        assertThat(m.spentDollars()).isEqualTo(0.1);
        m.reserve(dollars(0.6)).settle(dollars(0.6));
        assertThat(m.spentDollars()).isCloseTo(0.7, Offset.offset(1e-12));
    }

    @Test
    void the_deadline_stops_new_calls() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Meter m = new Meter(Budget.UNLIMITED.withDeadline(Duration.ofSeconds(2)), now::get);
        m.reserve(Usage.ZERO).settle(Usage.ZERO);
        now.set(now.get().plusSeconds(3));
        assertThatThrownBy(() -> m.reserve(Usage.ZERO)).hasMessageContaining("deadline");
    }

    @Test
    void tokens_are_limited_too() {
        Meter m = new Meter(Budget.UNLIMITED.withTokens(10), InstantSource.system());
        m.reserve(new Usage(3, 3, 0, 0, Duration.ZERO)).settle(new Usage(3, 3, 0, 0, Duration.ZERO));
        assertThatThrownBy(() -> m.reserve(new Usage(3, 2, 0, 0, Duration.ZERO))).hasMessageContaining("token budget");
    }
}
