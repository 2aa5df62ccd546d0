package dev.ponder.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {

    private final Problem problem = new Problem("q/1", "Name the capital of France.", "Paris");

    @Test
    void reads_the_last_verdict_line_and_counts_its_usage() {
        Backend backend = Backend.scripted()
                .texts("It matches. VERDICT: CORRECT", "Not Paris.\nVERDICT: INCORRECT", "I am not sure.")
                .usagePerGeneration(new Usage(100, 20, 0, 0.001, Duration.ofMillis(5))).build();
        LlmJudge judge = Verifier.llmJudge(backend, "judge-model");
        assertThat(judge.verify(problem, "Paris").isAccepted()).isTrue();
        assertThat(judge.verify(problem, "Lyon").reason()).isEqualTo("judge judge-model says incorrect");
        assertThat(judge.verify(problem, "?").reason()).isEqualTo("the judge gave no verdict line");
        assertThat(judge.calls()).isEqualTo(3);
        assertThat(judge.usage().inputTokens()).isEqualTo(300);
        assertThat(judge.usage().outputTokens()).isEqualTo(60);
    }

    @Test
    void a_failed_call_is_undecided_but_a_budget_error_propagates() {
        LlmJudge judge = Verifier.llmJudge(Backend.scripted()
                .texts("!fail:UPSTREAM_UNAVAILABLE", "!fail:BUDGET_EXCEEDED").build(), "judge-model");
        assertThat(judge.verify(problem, "Paris").reason()).startsWith("judge call failed");
        Assertions.assertThatThrownBy(() -> judge.verify(problem, "Paris"))
                .isInstanceOf(PonderException.class);
        assertThat(judge.calls()).isZero();
    }
}
