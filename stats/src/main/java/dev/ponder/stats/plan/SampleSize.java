package dev.ponder.stats.plan;

import dev.ponder.stats.interval.Wilson;

/**
 * How many problems (or samples) an evaluation needs: the 1/sqrt(n) law. For a proportion p measured to +/- e at
 * normal quantile z, n = z^2 p (1 - p) / e^2; the Wilson form searches the smallest n whose Wilson interval is
 * no wider than 2e (it differs near 0 and 1).
 */
public final class SampleSize {
    private SampleSize() {}

    /** Normal-approximation sample size, rounded up. */
    public static long forProportion(double p, double halfWidth, double z) {
        checkP(p);
        if (!(halfWidth > 0 && halfWidth < 1)) throw new IllegalArgumentException("half-width must be in (0,1), was " + halfWidth);
        return (long) Math.ceil(z * z * p * (1 - p) / (halfWidth * halfWidth));
    }

    /** Smallest n whose Wilson interval around p has half-width at most {@code halfWidth}. */
    public static long wilson(double p, double halfWidth, double z) {
        checkP(p);
        long hi = Math.max(1, forProportion(Math.max(p, 0.5), halfWidth, z) * 2 + 10);
        long lo = 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (Wilson.interval(p * mid, mid, z).halfWidth() <= halfWidth) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /** Half-width of the normal interval for p with n observations. */
    public static double halfWidth(double p, long n, double z) {
        checkP(p);
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        return z * Math.sqrt(p * (1 - p) / n);
    }

    /** Fewest independent samples k so that 1 - (1 - p)^k >= target (coverage of a per-sample success rate p). */
    public static long samplesForCoverage(double p, double target) {
        checkP(p);
        if (!(target > 0 && target < 1)) throw new IllegalArgumentException("target must be in (0,1), was " + target);
        if (p <= 0) throw new IllegalArgumentException("success rate 0 never reaches coverage " + target);
        if (p >= 1) return 1;
        return Math.max(1, (long) Math.ceil(Math.log1p(-target) / Math.log1p(-p)));
    }

    private static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("proportion must be in [0,1], was " + p);
    }
}
