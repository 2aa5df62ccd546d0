package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Tally;
import java.util.List;

/**
 * Adaptive-Consistency (Aggarwal et al., EMNLP 2023, "Let's Sample Step by Step"): with a the leader's count and b
 * the runner-up's, P = integral from 1/2 to 1 of x^a (1-x)^b dx / B(a+1, b+1) = 1 - I_{1/2}(a+1, b+1), the
 * posterior probability (uniform prior) that the leader is the more likely answer. Stop when P >= threshold.
 * A threshold of 1 never stops early (P reaches 1 only in floating point): it is the family's full-budget setting.
 */
record BetaRule(double threshold) implements StopRule {
    BetaRule {
        if (!(threshold > 0.5 && threshold <= 1)) throw new IllegalArgumentException("Beta stopping threshold must be in (0.5, 1], was " + threshold);
    }

    @Override
    public int batch() { return 1; }

    @Override
    public boolean shouldStop(List<Sample> drawn) {
        return threshold < 1 && Tally.of(drawn).leaderProbability() >= threshold;
    }

    @Override
    public String name() { return "ac@" + threshold; }
}
