package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.Budget;
import org.junit.jupiter.api.Test;

class VoteTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.vote(5); }

    @Test
    void ties_go_to_the_answer_seen_first() {
        Backend b = Backend.scripted().texts("The answer is 7.", "The answer is 9.", "The answer is 9.", "The answer is 7.").build();
        Result r = Strategy.vote(4).solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.answer()).isEqualTo("7");
        assertThat(r.confidence()).isEqualTo(0.5);
    }

    @Test
    void samples_without_an_answer_do_not_vote() {
        Backend b = Backend.scripted().texts("no idea", "hmm", "The answer is 3.").build();
        Result r = Strategy.vote(3).solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.answer()).isEqualTo("3");
        assertThat(r.confidence()).isEqualTo(1.0);
    }

    @Test
    void a_budget_for_three_samples_gets_three_votes() {
        Result r = Strategy.vote(5).solve(session(backend(), Budget.dollars(0.0035), 0));
        assertThat(r.samples()).hasSize(3);
        assertThat(r.stop()).as("the fourth could not be reserved").isEqualTo(StopReason.BUDGET);
        assertThat(r.failure().orElseThrow().message()).contains("the next call reserves up to $0.001000").contains("$0.000500 is left");
    }
}
