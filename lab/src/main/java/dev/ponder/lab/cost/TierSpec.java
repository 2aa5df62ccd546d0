package dev.ponder.lab.cost;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.StrategyRegistry;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A tier as the proxy names it, {@code strategy:model} ({@code vote@5:gpt-4o-mini}); a name without a colon is
 * {@code single:name}. A model name that itself has a colon is written with its strategy: {@code single:qwen2.5:7b}.
 */
public record TierSpec(String strategy, String model) {
    private static final StrategyRegistry STRATEGIES = StrategyRegistry.standard();
    private static final Set<String> FIXED = Set.of("single", "think", "vote", "best", "wvote");

    public TierSpec {
        if (strategy == null || strategy.isBlank()) throw new IllegalArgumentException("a tier needs a strategy, e.g. vote@5:gpt-4o-mini");
        if (model == null || model.isBlank()) throw new IllegalArgumentException("a tier needs a model after the strategy, e.g. vote@5:gpt-4o-mini");
        if (strategy.startsWith("cascade")) {
            throw new IllegalArgumentException("a cascade's cost depends on how often it escalates: write its tiers under router: with the"
                    + " share of queries each answers");
        }
        try {
            STRATEGIES.parse(strategy);
        } catch (PonderException e) {
            throw new IllegalArgumentException(e.getMessage() + (strategy.contains("@") ? "" : " (a model name with a colon is written single:MODEL)"));
        }
    }

    public static TierSpec parse(String written) {
        if (written == null || written.isBlank()) throw new IllegalArgumentException("a tier must not be blank, e.g. vote@5:gpt-4o-mini");
        String w = written.strip();
        int colon = w.indexOf(':');
        return colon < 0 ? new TierSpec("single", w) : new TierSpec(w.substring(0, colon), w.substring(colon + 1));
    }

    public String name() { return strategy + ":" + model; }

    /** Samples a query draws when the strategy fixes the number (single, think, vote@N, best@N, wvote@N), else empty. */
    public OptionalInt fixedSamples() {
        int at = strategy.indexOf('@');
        String base = at < 0 ? strategy : strategy.substring(0, at);
        if (!FIXED.contains(base)) return OptionalInt.empty();
        return base.equals("single") || base.equals("think") ? OptionalInt.of(1) : OptionalInt.of(Integer.parseInt(strategy.substring(at + 1)));
    }

    @Override
    public String toString() { return name(); }
}
