package dev.ponder.stats.regression;

import java.util.Arrays;

/**
 * L2-regularised logistic regression on soft labels in [0, 1] (a pass rate is a fine label). Features are
 * standardised inside the fit, then the mean cross-entropy plus {@code l2/2 |w|^2} is minimised by full-batch
 * Adam (Kingma and Ba 2015). Hand-written because Hipparchus has no logistic regression and the problems here are
 * small (a few thousand rows, a few hundred features); the fit is deterministic.
 */
public record LogisticModel(double[] mean, double[] scale, double[] weights, double bias) {

    public LogisticModel {
        if (mean.length != scale.length || mean.length != weights.length)
            throw new IllegalArgumentException("mean, scale and weights must have one entry per feature, had "
                    + mean.length + ", " + scale.length + ", " + weights.length);
    }

    /** Probability of success for one feature vector. */
    public double predict(double[] x) {
        if (x.length != weights.length)
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        double z = bias;
        for (int j = 0; j < x.length; j++) z += weights[j] * (x[j] - mean[j]) / scale[j];
        return sigmoid(z);
    }

    public static LogisticModel fit(double[][] x, double[] y, double l2, int iterations) {
        if (x.length == 0 || x.length != y.length)
            throw new IllegalArgumentException("need as many labels as rows (and at least one), had " + x.length + " rows, " + y.length + " labels");
        if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], scale = new double[d];
        for (double[] row : x) {
            if (row.length != d) throw new IllegalArgumentException("ragged feature rows: " + row.length + " vs " + d);
            for (int j = 0; j < d; j++) mean[j] += row[j] / n;
        }
        for (double[] row : x) for (int j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
        for (int j = 0; j < d; j++) scale[j] = scale[j] > 1e-18 ? Math.sqrt(scale[j]) : 1.0;
        double[][] z = new double[n][d];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            if (!(y[i] >= 0 && y[i] <= 1)) throw new IllegalArgumentException("label " + i + " must be in [0, 1], was " + y[i]);
            ybar += y[i] / n;
            for (int j = 0; j < d; j++) z[i][j] = (x[i][j] - mean[j]) / scale[j];
        }
        double clipped = Math.min(1 - 1e-4, Math.max(1e-4, ybar));
        double[] w = new double[d + 1];            // last entry is the bias
        w[d] = Math.log(clipped / (1 - clipped));
        double[] m = new double[d + 1], v = new double[d + 1], g = new double[d + 1];
        double lr = 0.05, b1 = 0.9, b2 = 0.999;
        for (int t = 1; t <= iterations; t++) {
            Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                double s = w[d];
                double[] zi = z[i];
                for (int j = 0; j < d; j++) s += w[j] * zi[j];
                double r = (sigmoid(s) - y[i]) / n;
                for (int j = 0; j < d; j++) g[j] += r * zi[j];
                g[d] += r;
            }
            for (int j = 0; j < d; j++) g[j] += l2 * w[j];
            for (int j = 0; j <= d; j++) {
                m[j] = b1 * m[j] + (1 - b1) * g[j];
                v[j] = b2 * v[j] + (1 - b2) * g[j] * g[j];
                double mh = m[j] / (1 - Math.pow(b1, t)), vh = v[j] / (1 - Math.pow(b2, t));
                w[j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return new LogisticModel(mean, scale, Arrays.copyOf(w, d), w[d]);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
