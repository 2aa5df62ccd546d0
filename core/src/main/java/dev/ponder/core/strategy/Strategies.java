package dev.ponder.core.strategy;

import dev.ponder.core.strategy.stop.StopRule;
import java.util.Optional;

/** The strategy each per-question spec names; a registered one is made by its own factory. */
final class Strategies {
    private static final double CASCADE_AGREEMENT = 2.0 / 3;

    private Strategies() {}

    static Strategy of(StrategySpec.PerQuestion spec) {
        return switch (spec) {
            case StrategySpec.Single s -> Strategy.single();
            case StrategySpec.Vote v -> new Vote(v.n());
            case StrategySpec.WeightedVote w -> new WeightedVote(w.n());
            case StrategySpec.Best b -> new Best(b.n());
            case StrategySpec.Verify v -> new VerifyFirst(v.k());
            case StrategySpec.Refine r -> new Refine(r.rounds());
            case StrategySpec.Cascade c -> new Cascade(c.votes(), CASCADE_AGREEMENT);
            case StrategySpec.Think t -> new ThinkBudget(t.tokens(), t.maxWaits(), Optional.empty(), ThinkRoute.AUTO);
            case StrategySpec.Adaptive a -> new Calibrated(a.written(), a.tuning(), a.max());
            case StrategySpec.Esc e -> new Adaptive(e.written(), StopRule.esc(e.window()), StrategyRegistry.DEFAULT_MAX);
            case StrategySpec.Ac a -> new Adaptive(a.written(), StopRule.beta(a.threshold()), StrategyRegistry.DEFAULT_MAX);
            case StrategySpec.Custom c -> c.factory().apply(c.parameter());
        };
    }
}
