package dev.ponder.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    /** A clock the sleeper moves forward: sleeping takes no real time. */
    static final class FakeTime implements InstantSource, TokenBucket.Sleeper {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        public Instant instant() { return now; }

        public void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    @Test
    void a_full_bucket_lets_a_minutes_worth_through_then_paces_the_rest() throws Exception {
        FakeTime t = new FakeTime();
        TokenBucket b = new TokenBucket(60, t, t);
        for (int i = 0; i < 60; i++) b.acquire(1);
        assertThat(t.sleeps).isEmpty();
        for (int i = 0; i < 30; i++) b.acquire(1);
        assertThat(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), t.now)).isBetween(Duration.ofMillis(29_900), Duration.ofMillis(30_100));
    }

    @Test
    void a_request_larger_than_the_bucket_waits_for_a_full_bucket_and_leaves_a_debt() throws Exception {
        FakeTime t = new FakeTime();
        TokenBucket b = new TokenBucket(1000, t, t);
        b.acquire(5000);
        assertThat(t.sleeps).isEmpty();
        b.acquire(1);
        assertThat(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), t.now)).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void asked_without_waiting_it_says_how_long_and_takes_nothing_until_then() {
        FakeTime t = new FakeTime();
        TokenBucket b = new TokenBucket(2, t);
        assertThat(b.tryAcquire(1)).isZero();
        assertThat(b.tryAcquire(1)).isZero();
        assertThat(b.tryAcquire(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.available()).isZero();
        t.now = t.now.plusSeconds(30);
        assertThat(b.waitFor(1)).isZero();
        assertThat(b.tryAcquire(1)).isZero();
        assertThat(t.sleeps).isEmpty();
    }

    @Test
    void tokens_charged_after_the_fact_leave_a_debt_that_refills_at_the_rate() {
        FakeTime t = new FakeTime();
        TokenBucket b = new TokenBucket(60, t);
        b.charge(100);
        assertThat(b.available()).isEqualTo(-40);
        assertThat(b.waitFor(1)).isEqualTo(Duration.ofSeconds(41));
        t.now = t.now.plusSeconds(41);
        assertThat(b.waitFor(1)).isZero();
        assertThat(b.waitFor(1000)).as("more than it holds: a full bucket").isEqualTo(Duration.ofSeconds(59));
    }
}
