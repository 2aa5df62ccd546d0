package dev.ponder.core.answer;

import java.util.List;

/**
 * Texts to vectors, for grouping answers by meaning ({@link AnswerExtractor#semantic}). Implementations must be
 * deterministic (the same text gives the same vector, so a seeded run repeats) and thread-safe. Ponder's lab ships the
 * in-process all-MiniLM-L6-v2 model ({@code dev.ponder.lab.semantic.MiniLm}); any sentence-embedding model will do.
 */
@FunctionalInterface
public interface Embedder {

    /** One vector per text, in order; vectors need not be normalised. */
    List<float[]> embed(List<String> texts);
}
