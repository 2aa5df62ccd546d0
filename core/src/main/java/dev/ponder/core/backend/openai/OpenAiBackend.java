package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.backend.openai.protocol.Exchange;
import dev.ponder.core.backend.openai.protocol.HttpOpenAiBackend;
import dev.ponder.core.model.Usage;

/**
 * A backend over any OpenAI-compatible server: chat completions ({@link #generate}, {@link #stream}) and plain
 * completions ({@link #complete}). It owns an HTTP client: close it when done. See {@code docs/openai-backend.md} for
 * retries, {@code n} handling, usage accounting and reasoning fields.
 */
public interface OpenAiBackend extends StreamingBackend, CompletionBackend, AutoCloseable {

    /** The most a completion can cost: prompt characters / 2 + 16 tokens in, the token cap x n out. */
    @Override
    Usage worstCase(CompletionRequest request);

    /** Stops the HTTP client: its connections close and calls still in flight fail. */
    @Override
    void close();

    static OpenAiBackend create(OpenAiConfig config) { return new HttpOpenAiBackend(config, new Exchange(config)); }
}
