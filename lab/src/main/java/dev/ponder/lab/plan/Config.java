package dev.ponder.lab.plan;

import dev.ponder.core.backend.Price;
import dev.ponder.lab.eval.Sampling;
import java.util.Optional;

/**
 * One point of a plan's cross product: a source on a backend's model with a strategy, a per-problem budget and a
 * seed, with the plan's checker and sampling settings. {@code id} is stable across runs of the same plan (it is the
 * resume key with the problem id); a checker and sampling settings are part of it only when set, so the ids of plans
 * without them stay as they were.
 */
public record Config(int ordinal, Source source, BackendSpec backend, String model, Price price, String strategy,
                     BudgetSpec budget, long seed, Optional<String> checker, Optional<String> checkerNoise, Sampling sampling) {
    public String id() {
        String base = String.join("|", source.name(), backend.name(), model, strategy, budget.label(), "seed=" + seed);
        return base + checker.map(c -> "|checker=" + c).orElse("") + checkerNoise.map(n -> "|checker_noise=" + n).orElse("")
                + (sampling.isDefault() || backend.isReplay() ? "" : "|" + sampling.label());
    }
}
