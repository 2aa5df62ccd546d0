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
    private final ThreadLocal<Backend> last = new ThreadLocal<>();

    Dispatch(Map<String, Supplier<Backend>> registered) { this.registered = registered; }

    /** The backend of the last request made on this thread (the session names it in the trace). */
    @Override
    public String name() {
        Backend b = last.get();
        return b == null ? "ponder" : b.name();
    }

    @Override
    public Generated generate(GenerationRequest request) { return of(request).generate(request); }

    @Override
    public Usage worstCase(GenerationRequest request) { return of(request).worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return of(request).remaining(request); }

    private Backend of(GenerationRequest request) {
        Backend b;
        synchronized (this) {
            String model = request.model().contains(">") ? request.model().substring(0, request.model().indexOf('>')).strip() : request.model();
            b = used.computeIfAbsent(model, m -> {
                Supplier<Backend> s = registered.get(m);
                if (s == null) throw new IllegalStateException("no backend for model " + m + " (the engine checks models before solving)");
                return s.get();
            });
        }
        last.set(b);
        return b;
    }
}
