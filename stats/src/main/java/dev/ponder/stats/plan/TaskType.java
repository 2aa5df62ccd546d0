package dev.ponder.stats.plan;

/**
 * One kind of task in the resampling model: its share of tasks, the chance a sample is correct ({@code accuracy}),
 * and the verifier's completeness (P(accept | correct)) and soundness (P(reject | wrong)).
 * Derived: p_correct = c r, p_fluke = (1 - r)(1 - s), beta = (1 - c) r + s (1 - r) = P(a sample is rejected).
 */
public record TaskType(double share, double accuracy, double completeness, double soundness) {
    public TaskType {
        probability("share", share);
        probability("accuracy", accuracy);
        probability("completeness", completeness);
        probability("soundness", soundness);
    }

    public double pCorrect() { return completeness * accuracy; }

    public double pFluke() { return (1 - accuracy) * (1 - soundness); }

    public double beta() { return (1 - completeness) * accuracy + soundness * (1 - accuracy); }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException(name + " must be in [0,1], was " + v);
    }
}
