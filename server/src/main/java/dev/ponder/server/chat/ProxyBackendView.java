package dev.ponder.server.chat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.ForwardingBackend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A run's backend as the proxy sees it: calls stream through {@code live} when the caller is streaming a single
 * sample (so tokens reach the client as the upstream produces them), every call's generations pass {@code adjust}
 * (a sample's confidence read against the request's others) and are then reported to {@code after} (progress comments
 * for voting strategies). A delegate that continues raw prompts stays one ({@link #of}), so {@code think@T} can use
 * plain completions through it.
 */
public record ProxyBackendView(Backend delegate, Optional<StreamListener> live, UnaryOperator<List<Generation>> adjust, Consumer<List<Generation>> after)
        implements ForwardingBackend {

    /** {@code delegate} observed; a {@link CompletionBackend} one stays a completion backend. */
    public static Backend of(Backend delegate, Optional<StreamListener> live, UnaryOperator<List<Generation>> adjust, Consumer<List<Generation>> after) {
        ProxyBackendView o = new ProxyBackendView(delegate, live, adjust, after);
        return delegate instanceof CompletionBackend c ? new Completing(o, c) : o;
    }

    @Override
    public Generated generate(GenerationRequest request) {
        Generated out = live.isPresent() && delegate instanceof StreamingBackend s
                ? s.stream(request, live.get()) : delegate.generate(request);
        List<Generation> gens = adjust.apply(out.generations());
        after.accept(gens);
        return gens == out.generations() ? out : new Generated(gens, out.attempts());
    }

    /** An observed backend that also continues raw prompts (its completions are a chain's steps: not reported as samples). */
    public record Completing(ProxyBackendView delegate, CompletionBackend completions) implements CompletionBackend, ForwardingBackend {
        @Override
        public Generated generate(GenerationRequest request) { return delegate.generate(request); }

        @Override
        public Generated complete(CompletionRequest request) { return completions.complete(request); }

        @Override
        public Usage worstCase(CompletionRequest request) { return completions.worstCase(request); }
    }
}
