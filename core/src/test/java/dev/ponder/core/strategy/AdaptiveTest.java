package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.Budget;
import dev.ponder.core.strategy.stop.StopRule;
import org.junit.jupiter.api.Test;

class AdaptiveTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("adaptive@12"); }

    @Test
    void the_beta_rule_stops_once_the_leader_is_clear() {
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 1.", "The answer is 1.", "The answer is 2.").build();
        Result r = Strategy.adaptive(StopRule.beta(0.8), 10, "ac@0.8").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(2); // a=2, b=0: P = 1 - I_0.5(3, 1) = 0.875 >= 0.8
        assertThat(r.answer()).isEqualTo("1");
    }

    @Test
    void esc_draws_whole_windows_until_one_is_unanimous() {
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 2.", "The answer is 3.", "The answer is 3.", "The answer is 9.", "The answer is 9.").build();
        Result r = Strategy.adaptive(StopRule.esc(2), 10, "esc@2").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(4);
        assertThat(r.trace().calls()).hasSize(2).allSatisfy(c -> assertThat(c.samples()).isEqualTo(2));
        assertThat(r.answer()).isEqualTo("3");
    }

    @Test
    void the_typicality_rule_learns_to_accept_typical_first_samples() {
        Strategy s = Strategy.parse("adaptive");
        int first = -1;
        for (int q = 0; q < 12; q++) {
            Backend b = Backend.scripted().script(i -> "Let me think step by step here. The answer is 42.").build();
            Result r = s.solve(session(b, Budget.UNLIMITED, q));
            if (r.samples().size() == 1 && first < 0) first = q;
        }
        assertThat(first).as("first question answered with one sample").isEqualTo(5);
    }

    @Test
    void an_atypical_first_sample_falls_back_to_the_beta_rule() {
        Strategy s = Strategy.parse("adaptive");
        for (int q = 0; q < 8; q++) s.solve(session(Backend.scripted().script(i -> "Step by step, so the answer is 42.").build(), Budget.UNLIMITED, q));
        Backend longWinded = Backend.scripted().script(i -> "Hmm. ".repeat(40) + "The answer is 42.").build();
        assertThat(s.solve(session(longWinded, Budget.UNLIMITED, 9)).samples()).hasSize(2);
        Backend noAnswer = Backend.scripted().texts("I cannot tell what this is.", "Step by step, so the answer is 42.", "Step by step, so the answer is 42.").build();
        assertThat(s.solve(session(noAnswer, Budget.UNLIMITED, 10)).samples()).hasSize(3);
    }
}
