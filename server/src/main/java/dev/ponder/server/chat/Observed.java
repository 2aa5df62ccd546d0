package dev.ponder.server.chat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A run's backend as the proxy sees it: calls stream through {@code live} when the caller is streaming a single
 * sample (so tokens reach the client as the upstream produces them), and every call's generations are reported
 * to {@code after} (progress comments for voting strategies).
 */
record Observed(Backend delegate, Optional<StreamListener> live, Consumer<List<Generation>> after) implements Backend {

    @Override
    public String name() { return delegate.name(); }

    @Override
    public String nameFor(String model) { return delegate.nameFor(model); }

    @Override
    public boolean budgetsThinking(String model) { return delegate.budgetsThinking(model); }

    @Override
    public Generated generate(GenerationRequest request) {
        Generated out = live.isPresent() && delegate instanceof StreamingBackend s
                ? s.stream(request, live.get()) : delegate.generate(request);
        after.accept(out.generations());
        return out;
    }

    @Override
    public Usage worstCase(GenerationRequest request) { return delegate.worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return delegate.remaining(request); }
}
