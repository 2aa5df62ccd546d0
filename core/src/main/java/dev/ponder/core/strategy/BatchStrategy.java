package dev.ponder.core.strategy;

import java.util.List;

/** A strategy that spends one budget across a batch of questions (one session each), rather than per question. */
public interface BatchStrategy {

    String name();

    /** Solves every question; results come back in the sessions' order. */
    List<Result> solve(List<Session> sessions);

    /**
     * Compute-optimal allocation: {@code samplesPerQuestion} on average across the batch, given where they help most.
     */
    static BatchStrategy optimal(double samplesPerQuestion, int maxPerQuestion) { return new Optimal(samplesPerQuestion, maxPerQuestion); }

    /** Parses {@code optimal@S} (S samples per question on average, may be fractional). */
    static BatchStrategy parse(String spec, int maxPerQuestion) { return StrategySpec.Optimal.parse(spec).create(maxPerQuestion); }
}
