package dev.ponder.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.testing.WordVectors;
import dev.ponder.core.trace.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The answer kinds semantic and usc through the library: Policy.withAnswer(...), the builder, progress and usage. */
class SemanticPolicyTest {
    private static final Usage PER_CALL = new Usage(10, 20, 0, 0.001, Duration.ZERO);
    private static final String A = "water expands when it freezes so ice is lighter";
    private static final String A2 = "ice is lighter because water expands when it freezes";
    private static final String B = "trapped air bubbles hold the ice up";

    @Test
    void semantic_needs_an_embedding_model_and_says_how_to_give_one() {
        Ponder p = Ponder.builder().backend("m", Backend.scripted().texts(A).build()).build();
        assertThatThrownBy(() -> p.solve("Why does ice float?", Policy.vote(1).withAnswer("semantic")))
                .isInstanceOf(PonderException.class)
                .hasMessageContaining("policy vote@1: answer kind \"semantic\" needs an embedding model")
                .hasMessageContaining("Ponder.builder().semantic(");
        assertThatThrownBy(() -> Ponder.builder().semantic(AnswerExtractor.usc())).hasMessageContaining("was usc");
    }

    @Test
    void semantic_votes_over_groups_and_progress_counts_groups() {
        Ponder p = Ponder.builder().backend("m", Backend.scripted().texts(B, A, A2).usagePerGeneration(PER_CALL).build())
                .semantic(AnswerExtractor.semantic(new WordVectors(), 0.6)).build();
        List<Map<String, Integer>> counts = new ArrayList<>();
        Solution s = p.stream("Why does ice float?", Policy.vote(3).withAnswer("semantic"), new SolveListener() {
            @Override public void onProgress(Progress pr) { counts.add(pr.counts()); }
        }).join();
        assertThat(counts.getLast()).containsExactly(Map.entry(B, 1), Map.entry(A, 2));
        assertThat(s.answer()).isIn(A, A2);
        assertThat(s.text()).isEqualTo(s.answer());
        assertThat(s.confidence()).isEqualTo(2.0 / 3);
        assertThat(s.samples()).extracting(Sample::answer).containsExactly(B, A, A);
    }

    @Test
    void usc_judge_call_is_charged_to_the_question_and_traced() {
        Ponder p = Ponder.builder().backend("m", Backend.scripted().texts(B, A, A2, "The most consistent response is Response 2.")
                .usagePerGeneration(PER_CALL).build()).build();
        Solution s = p.solve("Why does ice float?", Policy.vote(3).withAnswer("usc").withBudgetDollars(0.01));
        assertThat(s.answer()).isEqualTo(A2);
        assertThat(s.sampleCount()).isEqualTo(3);
        assertThat(s.dollars()).isCloseTo(0.004, Offset.offset(1e-12));
        assertThat(s.usage().inputTokens()).isEqualTo(40);
        assertThat(s.trace().calls()).extracting(Call::purpose).containsExactly("sample", "usc");
    }
}
