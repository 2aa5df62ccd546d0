package dev.ponder.server.upstream;

import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.ForwardingBackend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;

/**
 * A pool seen by a strategy run that may continue raw prompts: chat calls as the pool makes them, plain completions on
 * the upstreams that serve them ({@code think@T} then holds a chain to its budget by completions, the route s1 uses);
 * names, thinking budgets and capacity are the pool's.
 */
public record PoolCompletions(UpstreamPool delegate) implements CompletionBackend, StreamingBackend, ForwardingBackend {

    @Override
    public Generated generate(GenerationRequest request) { return delegate.generate(request); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) { return delegate.stream(request, listener); }

    @Override
    public Generated complete(CompletionRequest request) { return delegate.complete(request); }

    @Override
    public Usage worstCase(CompletionRequest request) { return delegate.worstCase(request); }
}
