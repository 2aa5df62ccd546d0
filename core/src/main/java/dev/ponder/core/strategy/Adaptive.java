package dev.ponder.core.strategy;

import dev.ponder.core.strategy.stop.StopRule;
import java.util.List;

/**
 * Voting with a stopping rule (Adaptive-Consistency, Aggarwal et al. 2023; ESC, Li et al. 2024; Ponder's own
 * typicality rule): draw as the rule says, stop when it is satisfied or at {@code max} samples, then vote.
 * Rules that learn across questions keep their state in the strategy instance: use one instance per run.
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
    public boolean learnsAcrossQuestions() { return rule.name().equals("typicality"); }

    @Override
    public Result solve(Session session) {
        while (session.drawn().size() < max && !session.stopped()) {
            int n = Math.min(rule.batch(), max - session.drawn().size());
            List<?> got = session.draw(n);
            if (got.isEmpty() || rule.shouldStop(session.drawn())) break;
        }
        rule.learn(session.drawn());
        return Vote.decide(session, name);
    }
}
