package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live clients a run opens, closed together when it ends: each owns an HTTP client with its connections. Thread-safe.
 */
public final class LiveClients implements AutoCloseable {
    private final List<OpenAiBackend> opened = new CopyOnWriteArrayList<>();

    /**
     * A client for {@code model} on {@code endpoint}, priced from {@code prices}, its backoff jitter seeded. With
     * {@code completions} it also continues raw prompts ({@code /v1/completions}, which think@T prefers); without,
     * think@T asks again in chat turns.
     */
    public Backend open(LiveEndpoint endpoint, String model, PriceCatalogue prices, long seed, boolean completions) {
        OpenAiBackend b = endpoint.client(model, prices, seed);
        opened.add(b);
        // without completions: the same client behind a dispatcher by model name, which serves chat and is no CompletionBackend
        return completions ? b : Backend.byModel(Map.of(model, () -> b));
    }

    /** Closes every client opened here: their connections close, and calls still in flight fail. */
    @Override
    public void close() { opened.forEach(OpenAiBackend::close); }
}
