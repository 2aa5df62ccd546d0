package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.PriceCatalogue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live clients a run opens, closed together when it ends: each owns an HTTP client with its connections. Thread-safe.
 */
public final class LiveClients implements AutoCloseable {
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    /**
     * A client for {@code model} on {@code endpoint}, priced from {@code prices}, its backoff jitter seeded. With
     * {@code completions} it also continues raw prompts ({@code /v1/completions}, which think@T prefers); without,
     * think@T asks again in chat turns. An Anthropic client has no raw completions: think@T uses the API's own
     * thinking budget.
     */
    public Backend open(LiveEndpoint endpoint, String model, PriceCatalogue prices, long seed, boolean completions) {
        Backend b = endpoint.client(model, prices, seed);
        if (b instanceof AutoCloseable c) opened.add(c);
        // without completions: the same client behind a dispatcher by model name, which serves chat and is no CompletionBackend
        return completions || !(b instanceof CompletionBackend) ? b : Backend.byModel(Map.of(model, () -> b));
    }

    /** Closes every client opened here: their connections close, and calls still in flight fail. */
    @Override
    public void close() {
        RuntimeException failed = null;
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                if (failed == null) failed = new IllegalStateException("closing a live client failed: " + e.getMessage(), e);
                else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }
}
