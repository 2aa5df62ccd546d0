package dev.ponder.lab.runner;

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
}
