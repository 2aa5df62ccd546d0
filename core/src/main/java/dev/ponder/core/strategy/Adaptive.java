package dev.ponder.core.strategy;

import dev.ponder.core.strategy.stop.StopRule;

/**
 * Voting with a stopping rule (Adaptive-Consistency, Aggarwal et al. 2023; ESC, Li et al. 2024): draw as the rule
 * says, stop when it is satisfied or at {@code max} samples, then take the majority (the published rules vote
 * unweighted, as their reference code does).
 */
final class Adaptive implements Strategy {
    private final String name;
    private final StopRule rule;
    private final int max;

    Adaptive(String name, StopRule rule, int max) {
        if (max < 1) throw new IllegalArgumentException("max samples must be >= 1, was " + max);
        this.name = name;
        this.rule = rule;
        this.max = max;
    }

    @Override
    public String name() { return name; }

    @Override
    public int maxSamples() { return max; }

    @Override
    public Result solve(Session session) {
        drawUntil(session, rule, max);
        return Vote.decide(session, name);
    }

    /** Draws {@code rule.batch()} at a time until the rule is satisfied, {@code max} are drawn or drawing stops: {@link StopRule#stopAt} live. */
    static void drawUntil(Session session, StopRule rule, int max) {
        while (session.drawn().size() < max && !session.stopped()) {
            int n = Math.min(rule.batch(), max - session.drawn().size());
            if (session.draw(n).isEmpty() || rule.shouldStop(session.drawn())) break;
        }
    }
}
