package dev.ponder.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PonderExceptionTest {
    @Test
    void a_retriable_kind_is_not_retriable_once_output_was_delivered() {
        var before = new PonderException(PonderException.Kind.STREAM_BROKEN, "cut", null, null, false);
        var after = new PonderException(PonderException.Kind.STREAM_BROKEN, "cut", null, null, true);
        assertThat(before.retriable()).isTrue();
        assertThat(after.retriable()).isFalse();
        assertThat(after.outputDelivered()).isTrue();
        assertThat(new PonderException(PonderException.Kind.TIMEOUT, "slow").outputDelivered()).isFalse();
    }

    @Test
    void a_failure_counted_as_more_tries_keeps_everything_else() {
        var e = new PonderException(PonderException.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(2), null, false);
        var counted = e.withAttempts(3);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(counted.attempts()).isEqualTo(3);
        assertThat(counted.kind()).isEqualTo(e.kind());
        assertThat(counted.getMessage()).isEqualTo(e.getMessage());
        assertThat(counted.retryAfter()).isEqualTo(e.retryAfter());
        assertThat(counted.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(counted.withAttempts(3)).isSameAs(counted);
    }
}
