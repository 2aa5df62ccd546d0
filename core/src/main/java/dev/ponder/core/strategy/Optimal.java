package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Compute-optimal allocation across a batch (after Snell et al. 2024, "Scaling LLM Test-Time Compute Optimally can
 * be More Effective than Scaling Model Parameters": give each question the test-time compute its predicted difficulty
 * calls for). Difficulty is predicted from the questions' own samples: a pilot of two samples each (one when the
 * budget is under two per question), then every further sample goes to the question whose vote is least settled,
 * measured by the Adaptive-Consistency posterior that its leader is the more likely answer (questions with no answer
 * yet come first; ties go to the earlier question). Unanimous easy questions stop getting samples; split ones get
 * more, until the batch's total of {@code samplesPerQuestion x questions} is spent. At equal total samples this is at
 * least as accurate as uniform voting on most data, because uniform voting wastes samples on settled questions.
 * With a backend that can hold a chain's thinking to a budget (completions), a question whose leader already holds a
 * majority gets one chain of twice a sample's output tokens instead, counted as two samples ({@link ComputeChoice}).
 */
record Optimal(double samplesPerQuestion, int maxPerQuestion) implements BatchStrategy {
    Optimal {
        if (!(samplesPerQuestion >= 1)) throw new IllegalArgumentException("optimal@S needs S >= 1, was " + samplesPerQuestion);
        if (maxPerQuestion < 1) throw new IllegalArgumentException("max samples per question must be >= 1, was " + maxPerQuestion);
    }

    @Override
    public String name() {
        return new StrategySpec.Optimal(samplesPerQuestion).written();
    }

    @Override
    public List<Result> solve(List<Session> sessions) {
        int n = sessions.size();
        long total = Math.round(samplesPerQuestion * n);
        long used = 0;
        int pilot = Math.min(maxPerQuestion, samplesPerQuestion >= 2 ? 2 : 1);
        for (Session s : sessions) {
            used += s.draw(pilot).size();
        }
        while (used < total) {
            int pick = -1;
            double least = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                Session s = sessions.get(i);
                if (s.stopped() || s.drawn().size() >= maxPerQuestion) continue;
                double p = settled(s);
                if (p < least) {
                    least = p;
                    pick = i;
                }
            }
            if (pick < 0) break;
            Session s = sessions.get(pick);
            boolean chain = used + 2 <= total && s.drawn().size() + 2 <= maxPerQuestion
                    && ComputeChoice.choose(s, Tally.of(s.drawn())) == ComputeChoice.Spend.LONGER_CHAIN;
            if (chain) {
                List<Sample> natural = s.drawn().stream().filter(x -> x.source().equals("sample")).toList();
                if (ComputeChoice.longerChain(s, s.baseRequest(), natural, 2, name()).isPresent()) used += 2;
                else if (!s.stopped()) break;
            } else {
                used += s.draw(1).size();
            }
        }
        List<Result> out = new ArrayList<>(n);
        for (Session s : sessions) out.add(Vote.decide(s, name()));
        return out;
    }

    /** P(leader is the more likely answer) under a uniform Beta prior; 0 with no answer yet. */
    private static double settled(Session s) {
        Tally t = Tally.of(s.drawn());
        return t.votes() == 0 ? -1 : t.leaderProbability();
    }
}
