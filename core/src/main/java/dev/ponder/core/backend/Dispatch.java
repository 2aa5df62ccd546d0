package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One solve's backend: sends each request to the backend registered for its model, so a strategy that changes model
 * mid-question (a cascade) reaches the right one. Backends are fetched on first use, once per solve (a replay bank is
 * thus fresh for every question). A cascade's model list ({@code a>b}) used as one model means its first, cheapest tier.
 */
final class Dispatch implements Backend {
    private final Map<String, Supplier<Backend>> registered;
    private final Map<String, Backend> used = new LinkedHashMap<>();

    Dispatch(Map<String, Supplier<Backend>> registered) { this.registered = registered; }

    /** The name of the one backend it sends to, when it has one; else {@code ponder} (a call's own is {@link #nameFor}). */
    @Override
    public String name() { return registered.size() == 1 ? of(registered.keySet().iterator().next()).name() : "ponder"; }

    /** The name of the model's backend: a call's trace line names the backend that served it. */
    @Override
    public String nameFor(String model) { return of(model).nameFor(model); }

    @Override
    public boolean budgetsThinking(String model) { return of(model).budgetsThinking(model); }

    @Override
    public Generated generate(GenerationRequest request) { return of(request.model()).generate(request); }

    @Override
    public Usage worstCase(GenerationRequest request) { return of(request.model()).worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return of(request.model()).remaining(request); }

    private synchronized Backend of(String requested) {
        String model = requested.contains(">") ? requested.substring(0, requested.indexOf('>')).strip() : requested;
        return used.computeIfAbsent(model, m -> {
            Supplier<Backend> s = registered.get(m);
            if (s == null) throw new IllegalStateException("no backend for model " + m + " (the engine checks models before solving)");
            return s.get();
        });
    }
}
