package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.testing.WordVectors;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SemanticGroupsTest {
    private static final String A1 = "the sky is blue because air scatters blue light";
    private static final String A2 = "the sky is blue because the air scatters blue sunlight";
    private static final String A3 = "air scatters blue light so the sky is blue";
    private static final String B1 = "oceans reflect onto clouds at noon";
    private static final String B2 = "oceans reflect onto clouds";

    @Test
    void close_texts_share_the_first_ones_label_and_far_ones_start_a_group() {
        Grouping g = AnswerExtractor.semantic(new WordVectors(), 0.6).forQuestion();
        assertThat(g.extract(A1)).isEqualTo(A1);
        assertThat(g.extract(B1)).isEqualTo(B1);
        assertThat(g.extract(A2)).isEqualTo(A1);
        assertThat(g.extract("  " + A3.replace(" ", "\n  ") + " ")).isEqualTo(A1);
        assertThat(g.extract(B2)).isEqualTo(B1);
        assertThat(g.extract("   ")).isEmpty();
    }

    @Test
    void a_text_joins_the_most_similar_group_not_the_first_one_above_the_threshold() {
        Grouping g = AnswerExtractor.semantic(new WordVectors(), 0.45).forQuestion();
        g.extract("alpha beta gamma delta");
        g.extract("alpha beta epsilon zeta eta theta");
        assertThat(g.extract("alpha beta epsilon zeta")).isEqualTo("alpha beta epsilon zeta eta theta");
    }

    @Test
    void reading_a_text_again_gives_the_same_label_and_embeds_it_once() {
        WordVectors v = new WordVectors();
        Grouping g = AnswerExtractor.semantic(v, 0.6).forQuestion();
        String first = g.extract(A2);
        g.extract(B1);
        assertThat(g.extract(A2)).isEqualTo(first);
        assertThat(v.texts()).isEqualTo(2);
    }

    @Test
    void each_question_starts_fresh_and_a_questions_grouping_stays_itself() {
        Grouping proto = AnswerExtractor.semantic(new WordVectors(), 0.6);
        Grouping q1 = proto.forQuestion();
        q1.extract(A1);
        Grouping q2 = proto.forQuestion();
        assertThat(q2).isNotSameAs(q1);
        assertThat(q2.extract(A2)).isEqualTo(A2);
        assertThat(q1.forQuestion()).isSameAs(q1);
        assertThat(q1.judged()).isFalse();
        assertThat(q1.label()).isEqualTo("semantic");
    }

    @Test
    void the_representative_is_the_medoid() {
        Grouping g = AnswerExtractor.semantic(new WordVectors(), 0.1).forQuestion();
        List<Sample> voters = List.of(sample(0, "blue sky scatter light extra words here"), sample(1, A2), sample(2, A1), sample(3, A3));
        assertThat(g.representative(voters).index()).isEqualTo(2);
        assertThat(g.representative(voters.subList(0, 1)).index()).isZero();
    }

    @Test
    void refuses_a_threshold_outside_zero_to_one() {
        assertThatThrownBy(() -> AnswerExtractor.semantic(new WordVectors(), 0)).hasMessageContaining("(0, 1], was 0.0");
        assertThatThrownBy(() -> AnswerExtractor.semantic(new WordVectors(), 1.5)).hasMessageContaining("was 1.5");
    }

    @Test
    void names_semantic_only_when_an_embedding_model_is_configured() {
        assertThatThrownBy(() -> AnswerExtractor.forName("semantic")).hasMessageContaining("needs an embedding model");
        Grouping s = AnswerExtractor.semantic(new WordVectors(), 0.6);
        assertThat(AnswerExtractor.forName("semantic", Optional.of(s))).isSameAs(s);
        assertThat(AnswerExtractor.forName("usc")).isSameAs(AnswerExtractor.usc());
        assertThat(AnswerExtractor.NAMES).contains("semantic", "usc");
    }

    @Test
    void usc_labels_by_wording_and_is_judged() {
        Grouping u = AnswerExtractor.usc();
        assertThat(u.extract(" Paris\n is  the capital ")).isEqualTo("Paris is the capital");
        assertThat(u.judged()).isTrue();
        assertThat(u.forQuestion()).isSameAs(u);
    }

    private static Sample sample(int i, String text) {
        return new Sample(i, text, "", text, Usage.ZERO, Optional.empty(), Optional.empty(), "sample");
    }
}
