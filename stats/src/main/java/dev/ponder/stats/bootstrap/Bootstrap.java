package dev.ponder.stats.bootstrap;

import dev.ponder.stats.interval.Interval;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Seeded nonparametric bootstrap over problems (Efron 1979) with percentile intervals. Resample the problems with
 * replacement, recompute the statistic, read the interval off the replicate quantiles.
 *
 * <pre>{@code
 * Estimate acc = Bootstrap.mean(perProblemAccuracy, 10_000, 0.95, RandomGenerator.of("L64X128MixRandom"));
 * Estimate gain = Bootstrap.pairedDifference(voteAcc, singleAcc, 10_000, 0.95, rng);  // same problems
 * }</pre>
 * Same seed, same inputs, same answer.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /** Bootstrap the mean of per-problem values. */
    public static Estimate mean(double[] values, int resamples, double level, RandomGenerator rng) {
        check(values.length, resamples, level);
        int n = values.length;
        double[] reps = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += values[rng.nextInt(n)];
            reps[b] = s / n;
        }
        return summarise(meanOf(values), reps, level);
    }

    /**
     * Paired bootstrap for mean(a) - mean(b) where a[i] and b[i] are two strategies' results on the same problem i.
     * Resampling pairs keeps the correlation between strategies, which makes the interval much narrower than two
     * independent intervals would suggest.
     */
    public static Estimate pairedDifference(double[] a, double[] b, int resamples, double level, RandomGenerator rng) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired bootstrap needs the same problems: a has " + a.length + ", b has " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return mean(d, resamples, level, rng);
    }

    /**
     * Bootstrap any statistic of n problems: {@code statistic} receives the resampled indices (length n, with
     * repeats) and returns the statistic on that resample. Index array {@code 0..n-1} gives the original value.
     */
    public static Estimate statistic(int n, ToDoubleFunction<int[]> statistic, int resamples, double level,
                                     RandomGenerator rng) {
        check(n, resamples, level);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        double original = statistic.applyAsDouble(idx.clone());
        double[] reps = new double[resamples];
        for (int b = 0; b < resamples; b++) reps[b] = statistic.applyAsDouble(resampleIndices(n, rng));
        return summarise(original, reps, level);
    }

    /** n indices drawn uniformly with replacement from 0..n-1. */
    public static int[] resampleIndices(int n, RandomGenerator rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
        return idx;
    }

    /** Percentile interval and standard error from bootstrap replicates (NaN replicates are dropped). */
    public static Estimate summarise(double original, double[] replicates, double level) {
        double[] ok = Arrays.stream(replicates).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (ok.length == 0) throw new IllegalArgumentException("every bootstrap replicate was NaN");
        double alpha = (1 - level) / 2;
        double lo = Quantiles.ofSorted(ok, alpha);
        double hi = Quantiles.ofSorted(ok, 1 - alpha);
        return new Estimate(original, Quantiles.stdev(ok), new Interval(original, Math.min(lo, hi), Math.max(lo, hi), level),
                ok.length);
    }

    private static double meanOf(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static void check(int n, int resamples, double level) {
        if (n < 1) throw new IllegalArgumentException("bootstrap needs at least one problem");
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), was " + level);
    }
}
