package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.Comparator;
import java.util.Optional;

/**
 * Best-of-N by a scorer (Cobbe et al. 2021, "Training Verifiers to Solve Math Word Problems"): draw N, return the
 * answer of the highest-scoring sample. Scores come with the samples (a recorded reward-model score, or a scorer
 * that the session applied); samples without a score rank last, and with no scores at all it falls back to the vote.
 */
record Best(int n) implements Strategy {
    Best {
        if (n < 1) throw new IllegalArgumentException("best@N needs N >= 1, was " + n);
    }

    @Override
    public String name() { return "best@" + n; }

    @Override
    public int maxSamples() { return n; }

    @Override
    public Result solve(Session session) {
        session.draw(n);
        Optional<Sample> best = session.drawn().stream().filter(s -> s.hasAnswer() && s.score().isPresent())
                .max(Comparator.comparingDouble(s -> s.score().get()));
        if (best.isEmpty()) return Vote.decide(session, name());
        return session.result(name(), best.get().answer(), best, Scores.probability(best.get().score().get()));
    }
}
