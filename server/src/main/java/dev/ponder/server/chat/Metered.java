package dev.ponder.server.chat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * A backend whose calls a request pays for outside its sessions (an {@code llm-judge} checker's): each call reserves
 * its worst case against the request's meter first, as a session's calls do, and is recorded in {@code trace}, whose
 * total the request's usage includes.
 */
record Metered(Backend delegate, Meter meter, Trace trace, String purpose, InstantSource clock) implements Backend {

    @Override
    public String name() { return delegate.name(); }

    @Override
    public Generated generate(GenerationRequest request) {
        Meter.Reservation hold = meter.reserve(delegate.worstCase(request));
        var started = clock.instant();
        try {
            Generated g = delegate.generate(request);
            Usage used = Usage.ZERO;
            for (var x : g.generations()) used = used.plus(x.usage());
            hold.settle(used);
            trace.record(purpose, delegate.nameFor(request.model()), request.model(), g.generations().size(), used, started, g.attempts(), List.of(),
                    Optional.empty());
            return g;
        } catch (PonderException e) {
            hold.settle(Usage.ZERO);
            trace.record(purpose, delegate.nameFor(request.model()), request.model(), 0, Usage.ZERO, started, e.attempts(), List.of(),
                    Optional.of(e.kind() + ": " + e.getMessage()));
            throw e;
        }
    }

    @Override
    public Usage worstCase(GenerationRequest request) { return delegate.worstCase(request); }
}
