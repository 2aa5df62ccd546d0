package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.trace.Trace;
import dev.ponder.core.verify.Verifier;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VerifyFirstTest extends AbstractStrategyContractTest {
    /** Accepts 42 without looking at the reference. */
    static final Verifier FORTY_TWO = Verifier.named("is-42", (p, a) -> a.equals("42") ? Verdict.accepted("is 42") : Verdict.rejected("not 42"));

    @Override
    protected Strategy strategy() { return Strategy.parse("verify@4"); }

    @Override
    protected Session checkedSession(Backend b, Budget budget, long seed) { return withChecker(b, budget, seed, FORTY_TWO); }

    static Session withChecker(Backend b, Budget budget, long seed, Verifier v) {
        return new Session(PROBLEM, b, GenerationRequest.of("m", List.of(Message.user(PROBLEM.question())), 1), new Meter(budget, CLOCK),
                new Trace("t"), AnswerExtractor.number(), false, new SplittableRandom(seed), CLOCK, Optional.of(v));
    }

    @Test
    void stops_at_the_first_accepted_sample_and_traces_each_verdict() {
        Backend b = Backend.scripted().texts("The answer is 41.", "The answer is 40.", "The answer is 42.", "The answer is 42.").build();
        Result r = strategy().solve(withChecker(b, Budget.UNLIMITED, 0, FORTY_TWO));
        assertThat(r.answer()).isEqualTo("42");
        assertThat(r.samples()).hasSize(3);
        assertThat(r.trace().calls()).filteredOn(c -> c.purpose().equals("verify")).hasSize(3)
                .last().satisfies(c -> assertThat(c.verdicts().getFirst()).contains("accepted"));
    }

    @Test
    void abstains_when_nothing_is_accepted_within_k() {
        Backend b = Backend.scripted().script(i -> "The answer is 7.").build();
        Result r = strategy().solve(withChecker(b, Budget.UNLIMITED, 0, FORTY_TWO));
        assertThat(r.answered()).isFalse();
        assertThat(r.samples()).hasSize(4);
    }

    @Test
    void a_noisy_checker_lets_wrong_answers_through_at_its_rate() {
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            Verifier noisy = Verifier.noisy(FORTY_TWO, 0.1, 0.0, new SplittableRandom(i));
            Backend b = Backend.scripted().script(x -> "The answer is 7.").build();
            if (Strategy.parse("verify@1").solve(withChecker(b, Budget.UNLIMITED, i, noisy)).answered()) accepted++;
        }
        assertThat(accepted / 2000.0).isBetween(0.08, 0.12);
    }
}
