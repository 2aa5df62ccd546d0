package dev.ponder.stats.plan;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Resampling against an imperfect verifier: draw samples until the verifier accepts one, at most K. A correct
 * accepted answer is worth 1, a false positive costs {@code falsePositiveCost}, giving up is worth 0. With tasks of
 * several types (easy, hard), expected value peaks at a finite K because the tasks still unsolved after many
 * rejections are mostly hard ones, where an acceptance is often a fluke. After Stroebl, Kapoor and Narayanan 2024,
 * "Inference Scaling fLaws" (arXiv:2411.17501), notebook {@code limits_to_inference_scaling_model.ipynb}.
 *
 * <p>Exact expected value: EV(K) = sum_i share_i (p_correct_i - cost p_fluke_i) (1 - beta_i^K) / (1 - beta_i).
 * The notebook's plotted curve weights each attempt by the posterior type probabilities in both factors; that
 * variant is {@link #notebookExpectedValue}.
 */
public record Resampling(List<TaskType> types) {
    public Resampling {
        types = List.copyOf(types);
        if (types.isEmpty()) throw new IllegalArgumentException("resampling model needs at least one task type");
        double total = types.stream().mapToDouble(TaskType::share).sum();
        if (Math.abs(total - 1) > 1e-9) throw new IllegalArgumentException("task type shares must sum to 1, got " + total);
    }

    /** P(the accepted answer is correct) within K attempts. */
    public double accuracy(int k) {
        return sum(k, t -> t.pCorrect());
    }

    /** P(a wrong answer is accepted) within K attempts. */
    public double falsePositiveRate(int k) {
        return sum(k, t -> t.pFluke());
    }

    /** Expected value with K attempts and the given false-positive cost. */
    public double expectedValue(int k, double falsePositiveCost) {
        return accuracy(k) - falsePositiveCost * falsePositiveRate(k);
    }

    /** The notebook's curve: sum over attempts j <= K of E_post[value] * E_post[beta^(j-1)]. */
    public double notebookExpectedValue(int k, double falsePositiveCost) {
        double total = 0;
        for (int j = 1; j <= k; j++) {
            double z = 0;
            for (TaskType t : types) z += Math.pow(t.beta(), j - 1) * t.share();
            double value = 0, reach = 0;
            for (TaskType t : types) {
                double post = Math.pow(t.beta(), j - 1) * t.share() / z;
                value += (t.pCorrect() - falsePositiveCost * t.pFluke()) * post;
                reach += Math.pow(t.beta(), j - 1) * post;
            }
            total += value * reach;
        }
        return total;
    }

    /** The K in 1..kMax with the highest expected value, or 0 when even the best is negative (abstain). */
    public int bestK(double falsePositiveCost, int kMax) {
        if (kMax < 1) throw new IllegalArgumentException("kMax must be >= 1, was " + kMax);
        int best = 1;
        for (int k = 2; k <= kMax; k++) if (expectedValue(k, falsePositiveCost) > expectedValue(best, falsePositiveCost)) best = k;
        return expectedValue(best, falsePositiveCost) < 0 ? 0 : best;
    }

    /** The resampling ceiling as K grows without bound: P(correct | accepted), averaged over task types by share. */
    public double ceiling() {
        return types.stream().mapToDouble(t -> t.share() * t.pCorrect() / (t.pCorrect() + t.pFluke())).sum();
    }

    private double sum(int k, ToDoubleFunction<TaskType> p) {
        if (k < 0) throw new IllegalArgumentException("K must be >= 0, was " + k);
        double total = 0;
        for (TaskType t : types) {
            double b = t.beta();
            double reach = b >= 1 ? k : (1 - Math.pow(b, k)) / (1 - b);   // sum_{j<K} beta^j
            total += t.share() * p.applyAsDouble(t) * reach;
        }
        return total;
    }
}
