package dev.ponder.stats.fit;

import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import java.util.random.RandomGenerator;

/**
 * The change in y per doubling of x, by least squares of y on log2(x) with one intercept per group (group fixed
 * effects: both variables are centred within their group). With groups = datasets this measures how accuracy moves
 * with thinking length inside a dataset, not between easy and hard datasets. The interval is a seeded percentile
 * bootstrap over observations. It is an association, not a causal effect: hard questions draw longer chains.
 */
public final class LogSlope {
    private LogSlope() {}

    /** Slope per doubling with its bootstrap estimate; x must be > 0. */
    public static Estimate perDoubling(double[] x, double[] y, int[] group, int resamples, double level, RandomGenerator rng) {
        if (x.length != y.length || x.length != group.length) {
            throw new IllegalArgumentException("need x, y and group per observation: " + x.length + ", " + y.length + ", " + group.length);
        }
        double[] lx = new double[x.length];
        int groups = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0)) throw new IllegalArgumentException("x must be > 0 on a log axis, observation " + i + " has " + x[i]);
            if (group[i] < 0) throw new IllegalArgumentException("group ids must be >= 0, observation " + i + " has " + group[i]);
            lx[i] = Math.log(x[i]) / Math.log(2);
            groups = Math.max(groups, group[i] + 1);
        }
        int g = groups;
        return Bootstrap.statistic(x.length, idx -> slope(lx, y, group, g, idx), resamples, level, rng);
    }

    /** The fixed-effects OLS slope on the observations idx (NaN when log2 x does not vary within any group). */
    static double slope(double[] lx, double[] y, int[] group, int groups, int[] idx) {
        double[] sx = new double[groups], sy = new double[groups];
        int[] cnt = new int[groups];
        for (int i : idx) {
            sx[group[i]] += lx[i];
            sy[group[i]] += y[i];
            cnt[group[i]]++;
        }
        double sxy = 0, sxx = 0;
        for (int i : idx) {
            int k = group[i];
            double dx = lx[i] - sx[k] / cnt[k];
            sxy += dx * (y[i] - sy[k] / cnt[k]);
            sxx += dx * dx;
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
