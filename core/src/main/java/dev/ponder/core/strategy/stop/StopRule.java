package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import java.util.List;

/**
 * When to stop drawing samples for a vote. Closed set: the two published baselines and Ponder's own rule.
 * {@link #batch()} is how many samples to draw before asking again.
 */
public sealed interface StopRule permits EscRule, BetaRule, TypicalityRule {

    /** Samples to draw next (ESC draws whole windows; the others one at a time). */
    int batch();

    boolean shouldStop(List<Sample> drawn);

    /** Called once with everything a finished question drew, so rules that learn across questions can. */
    default void learn(List<Sample> drawn) {}

    String name();

    /** Early-stopping self-consistency (Li et al. 2024): windows of w samples; stop at the first unanimous window. */
    static StopRule esc(int window) { return new EscRule(window); }

    /** Adaptive-Consistency's Beta rule (Aggarwal et al. 2023): stop when P(leader beats runner-up) >= threshold. */
    static StopRule beta(double threshold) { return new BetaRule(threshold); }

    /** Ponder's rule: accept a typical first sample, else the Beta rule; see {@link TypicalityRule}. */
    static StopRule typicality(TypicalityRule.Settings settings) { return new TypicalityRule(settings); }
}
