package dev.ponder.stats.fit;

import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.estimate.PassAtK;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Coverage (pass@k) for k = 1..K over a set of problems, each k with a bootstrap-over-problems interval, the
 * exponentiated power law log c(k) = a k^b fitted to the curve (Brown et al. 2024, Large Language Monkeys), and the
 * law's extrapolation to a larger k with an interval from refitting on every bootstrap resample.
 */
public record CoverageFit(List<Estimate> passAtK, CurveFit<Curve.ExpPowerLaw> law, int extrapolateTo,
                          Estimate extrapolation, Estimate a, Estimate b) {
    public CoverageFit {
        passAtK = List.copyOf(passAtK);
    }

    /** Fit on per-problem sample counts n and correct counts c; K = min n. */
    public static CoverageFit fit(int[] n, int[] c, int extrapolateTo, int resamples, double level, RandomGenerator rng) {
        if (n.length != c.length || n.length == 0) throw new IllegalArgumentException("need one (n, c) per problem, got "
                + n.length + " and " + c.length);
        int kMax = Integer.MAX_VALUE;
        for (int v : n) kMax = Math.min(kMax, v);
        double[][] per = new double[kMax][];
        for (int k = 1; k <= kMax; k++) per[k - 1] = PassAtK.perProblemPassAtK(n, c, k);
        double[] ks = new double[kMax];
        for (int k = 1; k <= kMax; k++) ks[k - 1] = k;
        double[] curve = meanCurve(per, identity(n.length));
        CurveFit<Curve.ExpPowerLaw> law = Curves.expPowerLaw(ks, curve);
        List<int[]> draws = new ArrayList<>(resamples);
        for (int r = 0; r < resamples; r++) draws.add(Bootstrap.resampleIndices(n.length, rng));
        double[][] reps = new double[kMax][resamples];
        double[] extra = new double[resamples], ra = new double[resamples], rb = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double[] cr = meanCurve(per, draws.get(r));
            for (int k = 0; k < kMax; k++) reps[k][r] = cr[k];
            try {
                Curve.ExpPowerLaw l = Curves.expPowerLaw(ks, cr).curve();
                extra[r] = l.at(extrapolateTo);
                ra[r] = l.a();
                rb[r] = l.b();
            } catch (IllegalArgumentException degenerate) {   // a resample with no partial coverage: no law
                extra[r] = ra[r] = rb[r] = Double.NaN;
            }
        }
        List<Estimate> points = new ArrayList<>(kMax);
        for (int k = 0; k < kMax; k++) points.add(Bootstrap.summarise(curve[k], reps[k], level));
        return new CoverageFit(points, law, extrapolateTo, Bootstrap.summarise(law.curve().at(extrapolateTo), extra, level),
                Bootstrap.summarise(law.curve().a(), ra, level), Bootstrap.summarise(law.curve().b(), rb, level));
    }

    public int maxK() { return passAtK.size(); }

    private static double[] meanCurve(double[][] per, int[] idx) {
        double[] out = new double[per.length];
        for (int k = 0; k < per.length; k++) {
            double s = 0;
            for (int i : idx) s += per[k][i];
            out[k] = s / idx.length;
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }
}
