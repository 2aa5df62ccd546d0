package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.Budget;
import org.junit.jupiter.api.Test;

class RefineTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("refine@2"); }

    @Override
    protected boolean majorityApplies() { return false; }

    @Test
    void revises_with_the_checkers_reason_until_it_accepts() {
        Backend b = Backend.scripted().texts("The answer is 41.", "Fixed: the answer is 42.", "unused").build();
        Result r = strategy().solve(VerifyFirstTest.withChecker(b, Budget.UNLIMITED, 0, VerifyFirstTest.FORTY_TWO));
        assertThat(r.answer()).isEqualTo("42");
        assertThat(r.trace().calls()).extracting(c -> c.purpose()).containsExactly("sample", "verify", "revise", "verify");
    }

    @Test
    void without_a_checker_the_model_critiques_itself() {
        Backend b = Backend.scripted().texts("The answer is 41.", "Step 2 is wrong.", "The answer is 42.").build();
        Result r = Strategy.parse("refine@1").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.answer()).isEqualTo("42");
        assertThat(r.trace().calls()).extracting(c -> c.purpose()).containsExactly("sample", "critique", "revise");
    }
}
