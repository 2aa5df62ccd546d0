package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;
import java.util.OptionalInt;

/**
 * A backend that wraps another (Guava's {@code Forwarding*} pattern): names, thinking budgets, worst cases and
 * remaining capacity are the delegate's unless overridden. {@link #generate} has no default, so each wrapper says
 * what it does to a call.
 */
public interface ForwardingBackend extends Backend {

    /** The backend wrapped. */
    Backend delegate();

    @Override
    default String name() { return delegate().name(); }

    @Override
    default String nameFor(String model) { return delegate().nameFor(model); }

    @Override
    default boolean budgetsThinking(String model) { return delegate().budgetsThinking(model); }

    @Override
    default Usage worstCase(GenerationRequest request) { return delegate().worstCase(request); }

    @Override
    default OptionalInt remaining(GenerationRequest request) { return delegate().remaining(request); }
}
