package dev.ponder.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.server.api.ApiError;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.config.KeyConfig;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T23:59:30Z"));
    final InstantSource clock = () -> now.get();

    static Caller caller(OptionalInt rpm, OptionalLong tpm) {
        return new Caller("k", Optional.of(new KeyConfig("k", KeyConfig.hash("s"), Optional.empty(), rpm, tpm, Set.of())));
    }

    @Test
    void rate_limits_count_per_minute_and_name_the_limit() {
        RateLimits l = new RateLimits(clock);
        Caller c = caller(OptionalInt.of(2), OptionalLong.of(100));
        l.admit(c);
        l.admit(c);
        assertThatThrownBy(() -> l.admit(c)).hasMessageContaining("request rate limit of 2 per minute").hasMessageContaining("retry in 30 s");
        now.set(now.get().plusSeconds(30));
        l.admit(c);
        l.charge(c, 150);
        assertThatThrownBy(() -> l.admit(c)).hasMessageContaining("token rate limit of 100 per minute reached (150 used)");
        l.admit(Caller.ANONYMOUS);
    }

    @Test
    void a_refusal_is_a_429_and_a_debt_of_tokens_refills_at_the_rate() {
        RateLimits l = new RateLimits(clock);
        Caller c = caller(OptionalInt.empty(), OptionalLong.of(60));
        l.admit(c);
        l.charge(c, 120);
        Throwable refused = Assertions.catchThrowable(() -> l.admit(c));
        assertThat(ApiError.of(refused).status()).isEqualTo(429);
        assertThat(refused).hasMessageContaining("(120 used); retry in 61 s");
        now.set(now.get().plusSeconds(60));
        assertThatThrownBy(() -> l.admit(c)).hasMessageContaining("retry in 1 s");
        now.set(now.get().plusSeconds(1));
        l.admit(c);
    }

    @Test
    void a_key_without_rates_is_never_limited_and_keys_are_counted_apart() {
        RateLimits l = new RateLimits(clock);
        Caller free = caller(OptionalInt.empty(), OptionalLong.empty());
        for (int i = 0; i < 1000; i++) l.admit(free);
        Caller a = caller(OptionalInt.of(1), OptionalLong.empty());
        Caller b = new Caller("other", a.key());
        l.admit(a);
        l.admit(b);
        assertThatThrownBy(() -> l.admit(a)).hasMessageContaining("key k:");
        assertThatThrownBy(() -> l.admit(b)).hasMessageContaining("key other:");
    }
}
