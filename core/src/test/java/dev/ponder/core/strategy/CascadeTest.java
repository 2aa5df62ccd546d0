package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.trace.Trace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CascadeTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("cascade"); }

    private static Session tiers(Backend b) {
        return new Session(PROBLEM, b, GenerationRequest.of("small>large", List.of(Message.user(PROBLEM.question())), 1),
                new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"), AnswerExtractor.number(), false, new SplittableRandom(0), CLOCK);
    }

    @Test
    void a_split_vote_on_the_cheap_tier_escalates() {
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 2.", "The answer is 3.",
                "The answer is 42.", "The answer is 42.", "The answer is 42.").build();
        Result r = strategy().solve(tiers(b));
        assertThat(r.answer()).isEqualTo("42");
        assertThat(r.trace().calls()).extracting(c -> c.model()).containsExactly("small", "large");
    }

    @Test
    void an_agreeing_cheap_tier_is_kept() {
        Backend b = Backend.scripted().script(i -> "The answer is 42.").build();
        Result r = strategy().solve(tiers(b));
        assertThat(r.trace().calls()).extracting(c -> c.model()).containsExactly("small");
    }
}
