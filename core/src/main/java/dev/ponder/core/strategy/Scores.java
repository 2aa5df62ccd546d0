package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;

/**
 * How much a sample's vote weighs. A scorer's output is read as a probability: values in [0, 1] are kept, others
 * (reward-model logits) go through a sigmoid. Without a score, the sample's confidence (already in [0, 1]) is its
 * weight; without either it weighs 1. Weighted voting ({@code wvote}) and the calibrated stopping rule use this one
 * mapping, so a rule and its calibration agree on what a vote is worth.
 */
public final class Scores {
    private Scores() {}

    public static double probability(double score) {
        if (score >= 0 && score <= 1) return score;
        return 1 / (1 + Math.exp(-score));
    }

    /** The sample's voting weight, in [0, 1]. */
    public static double weight(Sample s) {
        if (s.score().isPresent()) return probability(s.score().get());
        return s.confidence().orElse(1.0);
    }
}
