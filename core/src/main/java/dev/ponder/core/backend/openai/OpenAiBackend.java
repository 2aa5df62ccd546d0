package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;

/**
 * A backend over any OpenAI-compatible server: chat completions (streamed or not) and plain completions. See
 * {@code docs/openai-backend.md} for retries, {@code n} handling, usage accounting and reasoning fields.
 */
public interface OpenAiBackend extends StreamingBackend, CompletionBackend {

    /** The most a completion can cost: prompt characters / 2 + 16 tokens in, the token cap x n out. */
    @Override
    Usage worstCase(CompletionRequest request);

    /**
     * Sends a chat body as the client wrote it (messages, tools and unknown fields intact) with only the model renamed
     * to the upstream's name, the configuration's extra fields under it and the token cap under this server's field
     * name; retried like any call. {@code promptChars} sizes the token estimate when the server reports no usage.
     */
    Relayed relay(String model, com.fasterxml.jackson.databind.node.ObjectNode body, long promptChars);

    /**
     * {@link #relay} without blocking: each try goes out on {@code transport}, waits between tries are scheduled on
     * {@code timer}, and the future completes on one of their threads (an event loop's, for the proxy). {@code tries}
     * goes up by one as each try is sent (a pool of upstreams counts all its tries on one counter).
     */
    java.util.concurrent.CompletableFuture<Relayed> relayAsync(String model, com.fasterxml.jackson.databind.node.ObjectNode body, long promptChars,
                                                               HttpTransport transport, java.util.concurrent.ScheduledExecutorService timer,
                                                               java.util.concurrent.atomic.AtomicInteger tries);

    static OpenAiBackend create(OpenAiConfig config) { return new HttpOpenAiBackend(config); }
}
