package dev.ponder.core.error;

import static org.assertj.core.api.Assertions.assertThat;

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
}
