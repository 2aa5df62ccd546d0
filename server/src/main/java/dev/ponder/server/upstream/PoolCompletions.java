package dev.ponder.server.upstream;

import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;

/**
 * A pool seen by a strategy run that may continue raw prompts: chat calls as the pool makes them, plain completions on
 * the upstreams that serve them ({@code think@T} then holds a chain to its budget by completions, the route s1 uses).
 */
public record PoolCompletions(UpstreamPool pool) implements CompletionBackend, StreamingBackend {

    @Override
    public String name() { return pool.name(); }

    @Override
    public String nameFor(String model) { return pool.nameFor(model); }

    @Override
    public Generated generate(GenerationRequest request) { return pool.generate(request); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) { return pool.stream(request, listener); }

    @Override
    public Usage worstCase(GenerationRequest request) { return pool.worstCase(request); }

    @Override
    public Generated complete(CompletionRequest request) { return pool.complete(request); }

    @Override
    public Usage worstCase(CompletionRequest request) { return pool.worstCase(request); }
}
