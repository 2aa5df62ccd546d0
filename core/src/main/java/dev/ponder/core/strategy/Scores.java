package dev.ponder.core.strategy;

/** Reading a scorer's output as a probability: values in [0, 1] are kept, others (reward-model logits) go through a sigmoid. */
final class Scores {
    private Scores() {}

    static double probability(double score) {
        if (score >= 0 && score <= 1) return score;
        return 1 / (1 + Math.exp(-score));
    }
}
