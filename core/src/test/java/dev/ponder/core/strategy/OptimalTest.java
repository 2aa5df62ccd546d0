package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.Budget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimalTest {
    @Test
    void spends_the_batch_budget_where_votes_are_split() {
        Backend easy = Backend.scripted().script(i -> "The answer is 42.").build();
        Backend hard = Backend.scripted().script(i -> i % 2 == 0 ? "The answer is 42." : "The answer is " + i + ".").build();
        List<Session> sessions = new ArrayList<>();
        for (int q = 0; q < 3; q++) sessions.add(AbstractStrategyContractTest.session(easy, Budget.UNLIMITED, q));
        sessions.add(AbstractStrategyContractTest.session(hard, Budget.UNLIMITED, 9));
        List<Result> results = BatchStrategy.optimal(4, 20).solve(sessions);
        int total = results.stream().mapToInt(r -> r.samples().size()).sum();
        assertThat(total).isEqualTo(16);
        assertThat(results.get(3).samples().size()).isGreaterThan(results.get(0).samples().size());
        assertThat(results).allSatisfy(r -> assertThat(r.answer()).isEqualTo("42"));
    }

    @Test
    void rejects_a_budget_under_one_sample_per_question() {
        assertThatThrownBy(() -> BatchStrategy.parse("optimal@0.5", 10)).hasMessageContaining("optimal@0.5");
        assertThatThrownBy(() -> BatchStrategy.parse("greedy@2", 10)).hasMessageContaining("optimal@S");
    }
}
