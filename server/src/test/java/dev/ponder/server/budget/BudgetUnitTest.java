package dev.ponder.server.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Usage;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.Period;
import dev.ponder.server.ledger.Entry;
import dev.ponder.server.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BudgetUnitTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T23:59:30Z"));
    final InstantSource clock = () -> now.get();

    static Caller caller(Optional<Double> dollars, OptionalInt rpm, OptionalLong tpm) {
        return new Caller("k", Optional.of(new KeyConfig("k", KeyConfig.hash("s"), dollars.map(d -> new KeyConfig.DollarBudget(d, Period.DAY)),
                rpm, tpm, Set.of())));
    }

    static Usage dollars(double d) { return new Usage(0, 0, 0, d, Duration.ZERO); }

    @Test
    void a_reservation_takes_what_is_left_when_that_covers_one_sample_and_budgets_reset_each_day() {
        Spending s = new Spending(Ledger.memory(), clock);
        Caller c = caller(Optional.of(1.0), OptionalInt.empty(), OptionalLong.empty());
        var first = s.reserve(c, dollars(0.8), dollars(0.1));
        assertThat(first.cap()).contains(0.8);
        var second = s.reserve(c, dollars(0.8), dollars(0.1));
        assertThat(second.cap().orElseThrow()).isCloseTo(0.2, Offset.offset(1e-12));
        assertThatThrownBy(() -> s.reserve(c, dollars(0.8), dollars(0.1))).hasMessageContaining("dollar budget exceeded for 2026-11-23 (day)");
        s.settle(first, new Entry(now.get(), "k", "r1", "m", "vote@8", 0, 0, 0.3, 200));
        assertThat(s.reserve(c, dollars(0.8), dollars(0.1)).cap().orElseThrow()).isCloseTo(0.5, Offset.offset(1e-12));
        now.set(now.get().plusSeconds(60));
        assertThat(s.reserve(c, dollars(0.8), dollars(0.1)).bucket()).isEqualTo("2026-11-24");
    }
}
