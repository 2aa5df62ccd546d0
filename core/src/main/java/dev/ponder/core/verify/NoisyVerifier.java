package dev.ponder.core.verify;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Verdict;
import java.util.random.RandomGenerator;

/**
 * An imperfect verifier made from a perfect one, to study resampling with verifiers that let wrong answers through
 * (Stroebl et al. 2024, "Inference Scaling fLaws"): a wrong answer passes with probability {@code falsePositive}, a
 * right one is rejected with probability {@code falseNegative}. Undecided verdicts of the truth pass through.
 * Draws come from the given generator, so a seeded generator makes every verdict reproducible.
 */
record NoisyVerifier(Verifier truth, double falsePositive, double falseNegative, RandomGenerator rng) implements Verifier {
    NoisyVerifier {
        if (!(falsePositive >= 0 && falsePositive <= 1)) throw new IllegalArgumentException("false-positive rate must be in [0,1], was " + falsePositive);
        if (!(falseNegative >= 0 && falseNegative <= 1)) throw new IllegalArgumentException("false-negative rate must be in [0,1], was " + falseNegative);
    }

    @Override
    public Verdict verify(Problem problem, String answer) {
        Verdict t = truth.verify(problem, answer);
        double u;
        synchronized (rng) {
            u = rng.nextDouble();
        }
        return switch (t) {
            case Verdict.Accepted a -> u < falseNegative ? Verdict.rejected("false negative (noisy " + truth.name() + ")") : a;
            case Verdict.Rejected r -> u < falsePositive ? Verdict.accepted("false positive (noisy " + truth.name() + ")") : r;
            case Verdict.Undecided d -> d;
        };
    }

    @Override
    public String name() { return "noisy(" + truth.name() + ", fp=" + falsePositive + ", fn=" + falseNegative + ")"; }
}
