package dev.ponder.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A LangChain4j embedding model behind the semantic answer kind. */
class LangChain4jEmbedderTest {
    /** Two dimensions: how often a reply mentions scattering, and how often the ocean. */
    private static final EmbeddingModel TOPICS = model(segments -> Response.from(segments.stream().map(TextSegment::text)
            .map(t -> Embedding.from(new float[] {count(t, "scatter"), count(t, "ocean")})).toList()));

    @Test
    void groups_replies_through_the_model() {
        Ponder p = Ponder.builder()
                .backend("m", Backend.scripted().texts("it reflects the ocean", "air molecules scatter light", "light is scattered by air").build())
                .semantic(AnswerExtractor.semantic(LangChain4jEmbedder.of(TOPICS), 0.9)).build();
        Solution s = p.solve("Why is the sky blue?", Policy.vote(3).withAnswer("semantic"));
        assertThat(s.answer()).isIn("air molecules scatter light", "light is scattered by air");
        assertThat(s.confidence()).isEqualTo(2.0 / 3);
    }

    @Test
    void a_failing_model_is_a_typed_error() {
        EmbeddingModel limited = model(segments -> {
            throw new RateLimitException("slow down");
        });
        assertThatThrownBy(() -> LangChain4jEmbedder.of(limited).embed(List.of("x")))
                .isInstanceOfSatisfying(PonderException.class, e -> assertThat(e.kind()).isEqualTo(PonderException.Kind.RATE_LIMITED))
                .hasMessageContaining("slow down");
    }

    private static EmbeddingModel model(Function<List<TextSegment>, Response<List<Embedding>>> f) {
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) { return f.apply(segments); }
        };
    }

    private static float count(String text, String word) {
        return text.split(word, -1).length - 1;
    }
}
