package dev.ponder.core.backend.openai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void parses_retry_after_forms() {
        var clock = InstantSource.fixed(NOW);
        assertThat(RetryAfter.parse("1.5", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:10 GMT", clock)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-4", clock)).isEmpty();
    }
}
