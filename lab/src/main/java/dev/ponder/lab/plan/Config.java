package dev.ponder.lab.plan;

import dev.ponder.core.backend.Price;

/**
 * One point of a plan's cross product: a source on a backend's model with a strategy, a per-problem budget and a
 * seed. {@code id} is stable across runs of the same plan (it is the resume key with the problem id).
 */
public record Config(int ordinal, Source source, BackendSpec backend, String model, Price price, String strategy,
                     BudgetSpec budget, long seed) {
    public String id() {
        return String.join("|", source.name(), backend.name(), model, strategy, budget.label(), "seed=" + seed);
    }
}
