package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import java.util.List;

/**
 * When to stop drawing samples for a vote. Closed set: the two published rules and the (weighted) margin rule.
 * {@link #batch()} is how many samples to draw before asking again. Rules hold no state, so one rule may serve
 * many questions at once, and calibration can replay it on recorded samples ({@link #stopAt}).
 */
public sealed interface StopRule permits EscRule, BetaRule, MarginRule {

    /** Samples to draw next (ESC draws whole windows; the others one at a time). */
    int batch();

    boolean shouldStop(List<Sample> drawn);

    String name();

    /**
     * How many of {@code ordered} the rule would draw with at most {@code max}: draw {@link #batch()} at a time (fewer
     * when the cap or the samples run out), ask after each draw. This is the loop the adaptive strategy runs.
     */
    default int stopAt(List<Sample> ordered, int max) {
        int drawn = 0;
        int limit = Math.min(max, ordered.size());
        while (drawn < limit) {
            drawn += Math.min(batch(), limit - drawn);
            if (shouldStop(ordered.subList(0, drawn))) break;
        }
        return drawn;
    }

    /** Early-stopping self-consistency (Li et al. 2024): windows of w samples; stop at the first unanimous window. */
    static StopRule esc(int window) { return new EscRule(window); }

    /** Adaptive-Consistency's Beta rule (Aggarwal et al. 2023): stop when P(leader beats runner-up) >= threshold. */
    static StopRule beta(double threshold) { return new BetaRule(threshold); }

    /** Stop when the leader's weight exceeds the runner-up's by {@code margin}; see {@link MarginRule}. */
    static StopRule margin(double margin) { return new MarginRule(margin); }
}
