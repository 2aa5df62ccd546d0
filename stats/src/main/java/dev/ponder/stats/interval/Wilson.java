package dev.ponder.stats.interval;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal ("Wald") interval it stays inside
 * [0, 1] and behaves at 0 and n successes, which is where small evaluations live.
 *
 * <pre>{@code
 * Interval acc = Wilson.interval95(37, 50);        // 0.74 [0.60, 0.84]
 * Interval acc = Wilson.interval(37, 50, 2.576);   // 99% with an explicit z
 * }</pre>
 * {@code successes} may be fractional (a mean of per-problem rates times n), which keeps the same formula.
 */
public final class Wilson {
    /** z for a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /** Wilson interval at 95%. */
    public static Interval interval95(double successes, long n) {
        return interval(successes, n, Z95);
    }

    /** Wilson interval at the two-sided confidence {@code level} (0.95 gives z = 1.96). */
    public static Interval atLevel(double successes, long n, double level) {
        return interval(successes, n, zFor(level));
    }

    /** Wilson interval for {@code successes} out of {@code n} with normal quantile {@code z}. */
    public static Interval interval(double successes, long n, double z) {
        if (n <= 0) throw new IllegalArgumentException("Wilson interval needs n > 0, was " + n);
        if (successes < 0 || successes > n) {
            throw new IllegalArgumentException("successes must be in [0, n=" + n + "], was " + successes);
        }
        if (!(z > 0)) throw new IllegalArgumentException("z must be > 0, was " + z);
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double level = 2 * new NormalDistribution(0, 1).cumulativeProbability(z) - 1;
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new Interval(p, low, high, Math.min(level, 1 - 1e-16));
    }

    /** The normal quantile z for a two-sided confidence level. */
    public static double zFor(double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), was " + level);
        return new NormalDistribution(0, 1).inverseCumulativeProbability(0.5 + level / 2);
    }
}
