package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.OptionalInt;

/** A backend seen through its chat endpoint only, for servers that do not serve {@code /v1/completions}. */
record ChatOnly(Backend inner) implements Backend {
    @Override
    public String name() { return inner.name(); }

    @Override
    public List<Generation> generate(GenerationRequest request) { return inner.generate(request); }

    @Override
    public Usage worstCase(GenerationRequest request) { return inner.worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return inner.remaining(request); }

    @Override
    public int lastAttempts() { return inner.lastAttempts(); }
}
