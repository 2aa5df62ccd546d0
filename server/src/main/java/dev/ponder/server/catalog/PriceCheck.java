package dev.ponder.server.catalog;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Models the price catalogue does not know cost $0 in the ledger and against budgets, which hides real spend. Each such
 * model is warned about once (at start for the configured ones, then once per other name a request uses); with
 * {@code require_prices: true} a configured one stops the proxy from starting and a request naming another is refused
 * with a 400.
 */
public final class PriceCheck {
    private final Predicate<String> priced;
    private final boolean required;
    private final Consumer<String> warn;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> known = new ConcurrentHashMap<>(); // the catalogue matches by prefix: asked once a name

    /** {@code priced} says whether the catalogue knows a served model (by its upstream name or its own). */
    public PriceCheck(Predicate<String> priced, boolean required, Consumer<String> warn) {
        this.priced = priced;
        this.required = required;
        this.warn = warn;
    }

    /** At start: the configured upstream models; an unpriced one is a config error under {@code require_prices}. */
    public void configured(Iterable<String> models) {
        for (String m : models) {
            if (priced.test(m)) continue;
            if (required) {
                throw PonderException.invalid("require_prices: model %s is not in the price catalogue; add it under prices: (dollars per million"
                        + " tokens, input and output) or set require_prices: false", m);
            }
            warnOnce(m);
        }
    }

    /** Per request: the upstream models it runs on; an unpriced one is refused under {@code require_prices}, else warned about once. */
    public void used(Iterable<String> models) {
        for (String m : models) {
            if (known.computeIfAbsent(m, priced::test)) continue;
            if (required) {
                throw ApiFailure.field("model", "model " + m + " has no price in this proxy's catalogue and require_prices is on, so its"
                        + " spend could not be counted; ask the operator to add it under prices:");
            }
            warnOnce(m);
        }
    }

    private void warnOnce(String model) {
        if (warned.add(model)) {
            warn.accept("model " + model + " is not in the price catalogue: its calls are booked at $0 and budgets do not limit it"
                    + " (add it under prices:, or set require_prices: true to refuse it)");
        }
    }
}
