package dev.ponder.stats.fit;

import java.util.Arrays;

/**
 * How well a fitted curve matches its data: residuals (observed - predicted, in the data's own units), R^2 and RMSE.
 * Every fit reports one.
 */
public record Goodness(double[] residuals, double rSquared, double rmse) {
    public Goodness {
        residuals = residuals.clone();
    }

    @Override
    public double[] residuals() { return residuals.clone(); }

    /** Residuals, R^2 = 1 - SS_res/SS_tot and RMSE of {@code predicted} against {@code observed}. */
    public static Goodness of(double[] observed, double[] predicted) {
        if (observed.length != predicted.length || observed.length == 0) {
            throw new IllegalArgumentException("goodness of fit needs equal, non-empty arrays: "
                    + observed.length + " observed, " + predicted.length + " predicted");
        }
        int n = observed.length;
        double mean = 0;
        for (double o : observed) mean += o;
        mean /= n;
        double ssRes = 0;
        double ssTot = 0;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = observed[i] - predicted[i];
            ssRes += r[i] * r[i];
            ssTot += (observed[i] - mean) * (observed[i] - mean);
        }
        double r2 = ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        return new Goodness(r, r2, Math.sqrt(ssRes / n));
    }

    @Override
    public String toString() { return String.format("R^2 %.4f, RMSE %.4g, %d points", rSquared, rmse, residuals.length); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Goodness g && Arrays.equals(residuals, g.residuals)
                && Double.compare(rSquared, g.rSquared) == 0 && Double.compare(rmse, g.rmse) == 0;
    }

    @Override
    public int hashCode() { return Arrays.hashCode(residuals) * 31 + Double.hashCode(rSquared); }
}
