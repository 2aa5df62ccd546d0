package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trace takes each call's tries from what the backend returned or threw, not from a side channel. */
class SessionAttemptsTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Usage ONE = new Usage(1, 1, 0, 0, Duration.ZERO);

    /** Answers after three tries the first time, then fails after two. */
    private static final class Flaky implements Backend {
        private int calls;

        @Override
        public String name() { return "flaky"; }

        @Override
        public Generated generate(GenerationRequest request) {
            if (calls++ == 0) return new Generated(List.of(Generation.live("42", "", "stop", ONE)), 3);
            throw new PonderException(PonderException.Kind.UPSTREAM_UNAVAILABLE, "down").withAttempts(2);
        }

        @Override
        public Usage worstCase(GenerationRequest request) { return ONE; }
    }

    @Test
    void a_calls_attempts_come_from_its_result_and_from_its_failure() {
        Trace trace = new Trace("t");
        Session s = new Session(new Problem("p", "q", "42"), new Flaky(), GenerationRequest.of("m", List.of(Message.user("q")), 1),
                new Meter(Budget.UNLIMITED, CLOCK), trace, AnswerExtractor.number(), false, new SplittableRandom(1), CLOCK);
        assertThat(s.draw(1)).hasSize(1);
        assertThat(s.draw(1)).isEmpty();
        assertThat(trace.calls()).extracting(Call::attempts).containsExactly(3, 2);
        assertThat(s.stopReason()).isEqualTo(StopReason.FAILED);
    }
}
