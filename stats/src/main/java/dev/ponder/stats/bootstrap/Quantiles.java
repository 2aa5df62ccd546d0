package dev.ponder.stats.bootstrap;

import java.util.Arrays;

/** Sample quantiles with linear interpolation between order statistics (Hyndman and Fan type 7, NumPy's default). */
public final class Quantiles {
    private Quantiles() {}

    /** The q-quantile of {@code values} (not modified). */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        return ofSorted(s, q);
    }

    /** The q-quantile of already sorted values. */
    public static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) throw new IllegalArgumentException("quantile of no values");
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile must be in [0,1], was " + q);
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    public static double stdev(double[] values) {
        if (values.length < 2) return 0;
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.length;
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return Math.sqrt(ss / (values.length - 1));
    }
}
