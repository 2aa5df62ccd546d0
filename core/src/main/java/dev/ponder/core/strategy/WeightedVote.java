package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.Optional;

/**
 * Weighted majority (Li et al. 2023, "Making Large Language Models Better Reasoners with Step-Aware Verifier";
 * search-and-learn's weighted best-of-N): each answer gets the sum of its samples' weights ({@link Scores#weight}: the
 * score read as a probability, else the confidence, else 1).
 */
record WeightedVote(int n) implements DrawAll {
    WeightedVote {
        if (n < 1) throw new IllegalArgumentException("wvote@N needs N >= 1, was " + n);
    }

    @Override
    public String name() { return "wvote@" + n; }

    @Override
    public Result decideOver(Session session) { return decide(session, name()); }

    /** The weighted vote over everything the session drew; confidence is the winner's share of the weight. */
    static Result decide(Session session, String name) {
        Tally t = Tally.weighted(session.drawn());
        double total = 0;
        for (Sample s : session.drawn()) if (s.hasAnswer()) total += Scores.weight(s);
        Optional<String> top = t.topWeighted();
        if (top.isEmpty()) return Vote.decide(session, name);
        return session.result(name, top.get(), t.sampleOf(top.get()), total > 0 ? Math.min(1, t.weight(top.get()) / total) : 0);
    }
}
