package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import java.util.List;

/**
 * A backend over any OpenAI-compatible server: chat completions (streamed or not) and plain completions. See
 * {@code docs/openai-backend.md} for retries, {@code n} handling, usage accounting and reasoning fields.
 */
public interface OpenAiBackend extends StreamingBackend {

    /** {@code /completions}: {@code request.n()} continuations of a raw prompt. */
    List<Generation> complete(CompletionRequest request);

    /** The most a completion can cost: prompt characters / 2 + 16 tokens in, the token cap x n out. */
    Usage worstCase(CompletionRequest request);

    static OpenAiBackend create(OpenAiConfig config) { return new HttpOpenAiBackend(config); }
}
