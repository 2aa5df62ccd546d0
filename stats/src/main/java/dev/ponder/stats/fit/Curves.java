package dev.ponder.stats.fit;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.stat.regression.SimpleRegression;
import org.hipparchus.util.Pair;

/** Least-squares fits of the {@link Curve} laws (Hipparchus: OLS and Levenberg-Marquardt). */
public final class Curves {
    private Curves() {}

    /** y against log2(x) by ordinary least squares. */
    public static CurveFit<Curve.LogLinear> logLinear(double[] x, double[] y) {
        check(x, y, 3);
        SimpleRegression reg = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            positive(x[i], "x", i);
            reg.addData(log2(x[i]), y[i]);
        }
        var law = new Curve.LogLinear(reg.getIntercept(), reg.getSlope(), reg.getSlopeStdErr());
        return new CurveFit<>(law, goodness(law, x, y));
    }

    /**
     * Coverage points (k, c) with 0 < c < 1 fitted as log c = a k^b: least squares on log c, started from the
     * linearisation log(-log c) = log(-a) + b log k. Points with c = 0 or 1 carry no information here and are skipped.
     */
    public static CurveFit<Curve.ExpPowerLaw> expPowerLaw(double[] k, double[] coverage) {
        check(k, coverage, 2);
        SimpleRegression lin = new SimpleRegression();
        int used = 0;
        for (int i = 0; i < k.length; i++) {
            positive(k[i], "k", i);
            if (coverage[i] > 0 && coverage[i] < 1) {
                lin.addData(Math.log(k[i]), Math.log(-Math.log(coverage[i])));
                used++;
            }
        }
        if (used < 2) throw new IllegalArgumentException("coverage fit needs at least 2 points strictly between 0 and 1, got " + used);
        double[] xs = new double[used], ly = new double[used];
        for (int i = 0, j = 0; i < k.length; i++) {
            if (coverage[i] > 0 && coverage[i] < 1) {
                xs[j] = k[i];
                ly[j++] = Math.log(coverage[i]);
            }
        }
        double[] start = {-Math.exp(lin.getIntercept()), Double.isNaN(lin.getSlope()) ? 0 : lin.getSlope()};
        double[] p = leastSquares(start, ly, t -> {
            double[] v = new double[xs.length];
            double[][] j = new double[xs.length][2];
            for (int i = 0; i < xs.length; i++) {
                double kb = Math.pow(xs[i], t[1]);
                v[i] = t[0] * kb;
                j[i][0] = kb;
                j[i][1] = t[0] * kb * Math.log(xs[i]);
            }
            return new Pair<>(v, j);
        });
        var law = new Curve.ExpPowerLaw(p[0], p[1]);
        return new CurveFit<>(law, goodness(law, k, coverage));
    }

    /**
     * y = E + A x^(-alpha) with E in [0, 1] and alpha in [0.005, 5] (a floor cannot be negative; without the bound a
     * log-shaped curve drives alpha to 0 and E to minus infinity). For each alpha on a fine log grid, E and A are
     * linear and solved exactly under that bound; Levenberg-Marquardt polishes the best when it stays inside the bounds.
     */
    public static CurveFit<Curve.PowerLawOffset> powerLawOffset(double[] x, double[] y) {
        check(x, y, 3);
        for (int i = 0; i < x.length; i++) positive(x[i], "x", i);
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double alpha = 0.005; alpha <= 5; alpha *= 1.03) {
            double[] p = offsetAndScale(x, y, alpha);
            double sse = sse(x, y, p);
            if (sse < bestSse) {
                bestSse = sse;
                best = p;
            }
        }
        double[] polished = leastSquares(best, y, t -> {
            double[] v = new double[x.length];
            double[][] j = new double[x.length][3];
            for (int i = 0; i < x.length; i++) {
                double xa = Math.pow(x[i], -t[2]);
                v[i] = t[0] + t[1] * xa;
                j[i][0] = 1;
                j[i][1] = xa;
                j[i][2] = -t[1] * xa * Math.log(x[i]);
            }
            return new Pair<>(v, j);
        });
        double[] p = polished[0] >= 0 && polished[0] <= 1 && polished[2] >= 0.005 && polished[2] <= 5 && sse(x, y, polished) <= bestSse
                ? polished : best;
        var law = new Curve.PowerLawOffset(p[0], p[1], p[2]);
        return new CurveFit<>(law, goodness(law, x, y));
    }

    /** Least squares E, A for a fixed alpha, with E >= 0 (falls back to the fit through the origin). */
    private static double[] offsetAndScale(double[] x, double[] y, double alpha) {
        int n = x.length;
        double sz = 0, sy = 0, szz = 0, szy = 0;
        for (int i = 0; i < n; i++) {
            double z = Math.pow(x[i], -alpha);
            sz += z;
            sy += y[i];
            szz += z * z;
            szy += z * y[i];
        }
        double det = n * szz - sz * sz;
        double a = det == 0 ? 0 : (n * szy - sz * sy) / det;
        double e = (sy - a * sz) / n;
        if (e < 0 || det == 0) {
            e = 0;
            a = szy / szz;
        } else if (e > 1) {
            e = 1;
            a = (szy - sz) / szz;
        }
        return new double[] {e, a, alpha};
    }

    private static double sse(double[] x, double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - (p[0] + p[1] * Math.pow(x[i], -p[2]));
            s += r * r;
        }
        return s;
    }

    /** Kaplan's L(N) = (N_c/N)^alpha_N, by OLS of log L on log N (slope -alpha_N). */
    public static CurveFit<Curve.Kaplan> kaplan(double[] n, double[] loss) {
        check(n, loss, 2);
        SimpleRegression reg = new SimpleRegression();
        for (int i = 0; i < n.length; i++) {
            positive(n[i], "N", i);
            positive(loss[i], "loss", i);
            reg.addData(Math.log(n[i]), Math.log(loss[i]));
        }
        double alpha = -reg.getSlope();
        var law = new Curve.Kaplan(Math.exp(reg.getIntercept() / alpha), alpha);
        return new CurveFit<>(law, goodness(law, n, loss));
    }

    private interface Model {
        Pair<double[], double[][]> eval(double[] theta);
    }

    private static double[] leastSquares(double[] start, double[] target, Model model) {
        var problem = new LeastSquaresBuilder().start(start).target(target)
                .model(point -> {
                    Pair<double[], double[][]> r = model.eval(point.toArray());
                    return new Pair<>(new ArrayRealVector(r.getFirst(), false), new Array2DRowRealMatrix(r.getSecond(), false));
                })
                .maxEvaluations(2_000).maxIterations(2_000).build();
        try {
            return new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
        } catch (MathIllegalStateException e) {
            return start;
        }
    }

    private static Goodness goodness(Curve c, double[] x, double[] y) {
        double[] pred = new double[x.length];
        for (int i = 0; i < x.length; i++) pred[i] = c.at(x[i]);
        return Goodness.of(y, pred);
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    private static void positive(double v, String what, int i) {
        if (!(v > 0)) throw new IllegalArgumentException(what + " must be > 0 for a log-scale fit, point " + i + " has " + v);
    }

    private static void check(double[] x, double[] y, int min) {
        if (x.length != y.length) throw new IllegalArgumentException("fit needs equal arrays: " + x.length + " x, " + y.length + " y");
        if (x.length < min) throw new IllegalArgumentException("fit needs at least " + min + " points, got " + x.length);
    }
}
