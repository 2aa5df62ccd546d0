package dev.ponder.stats.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits the over-training law of Gadre et al. 2024 (arXiv:2403.08540) as their code does (mlfoundations/scaling,
 * scaling/laws.py, curve_fit_powlaw_ours): ordinary least squares on the loss itself (not its log), parameters
 * (A, b, k, E) of A N^k + b 6^(k/2) D^k + E with k = -2 eta, Levenberg-Marquardt from each of their 128 starts
 * (A, b in {1e2, 3e2, 1e3, 3e3}, k in {-0.1, -0.3}, E in {0, 1, 2, 10}), keeping the lowest residual. Their
 * Table 2 fits on few runs: every model size at M = 20 and the smallest one at M = 320 ({@link #paperRuns}).
 * Each start gets at most 200 iterations, SciPy's default budget for four parameters (every start on the paper's
 * runs converges within 35); a start that runs out is dropped, as is a best law that does not fall with scale.
 */
public final class Overtrain {
    private static final double[] COEFFICIENT_STARTS = {1e2, 3e2, 1e3, 3e3};
    private static final double[] EXPONENT_STARTS = {-0.1, -0.3};
    private static final double[] E_STARTS = {0, 1, 2, 10};
    private static final double LOG6 = Math.log(6);
    /** How close a run's tokens per parameter must be to the paper's 20 and 320 to count as such (relative). */
    static final double MULTIPLIER_TOLERANCE = 0.05;

    private Overtrain() {}

    /** Fit on points (N, D, loss), one entry per run in each array; throws {@link NotConvergedException}. */
    public static OvertrainFit fit(double[] n, double[] d, double[] loss) {
        List<double[]> starts = new ArrayList<>();
        for (double a : COEFFICIENT_STARTS)
            for (double b : COEFFICIENT_STARTS)
                for (double k : EXPONENT_STARTS)
                    for (double e : E_STARTS) starts.add(new double[] {a, b, k, e});
        return best(n, d, loss, starts);
    }

    /** Refit from one starting law only (the bootstrap warm-starts at the full-data fit). */
    public static OvertrainFit refit(double[] n, double[] d, double[] loss, OvertrainLaw start) {
        return best(n, d, loss, List.of(theta(start)));
    }

    /**
     * The runs Gadre et al. fit on (their Table 2): every model size trained at M = D/N = 20, and the smallest size
     * that has a run at M = 320. Indices into n and d; fails when the data has no such runs.
     */
    public static int[] paperRuns(double[] n, double[] d) {
        TreeSet<Double> sizes = new TreeSet<>();
        double smallestOvertrained = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n.length; i++) {
            if (near(d[i] / n[i], 20)) sizes.add(n[i]);
            if (near(d[i] / n[i], 320)) smallestOvertrained = Math.min(smallestOvertrained, n[i]);
        }
        if (sizes.size() < 4 || smallestOvertrained == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the paper's runs need M = D/N = 20 at 4 or more model sizes and one run"
                    + " at M = 320; found M = 20 at " + sizes.size() + " sizes and "
                    + (smallestOvertrained == Double.POSITIVE_INFINITY ? "no" : "a") + " run at M = 320");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            double m = d[i] / n[i];
            if (near(m, 20) || (near(m, 320) && n[i] == smallestOvertrained)) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean near(double multiplier, double target) {
        return Math.abs(multiplier / target - 1) <= MULTIPLIER_TOLERANCE;
    }

    private static OvertrainFit best(double[] n, double[] d, double[] loss, List<double[]> starts) {
        check(n, d, loss);
        double[] logN = Arrays.stream(n).map(Math::log).toArray(), logD = Arrays.stream(d).map(Math::log).toArray();
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double[] s : starts) {
            double[] t = local(logN, logD, loss, s);
            if (t == null) continue;
            double sse = sse(n, d, loss, t);
            if (sse < bestSse) {
                bestSse = sse;
                best = t;
            }
        }
        if (best == null) {
            throw new NotConvergedException("Levenberg-Marquardt did not converge from any of " + starts.size() + " starts");
        }
        OvertrainLaw law = law(best);
        if (!(law.eta() > 0 && law.a() > 0 && law.b() > 0)) {
            throw new NotConvergedException(String.format("the best fit is not a decreasing law: a = %.4g, b = %.4g, "
                    + "eta = %.4g (all three must be > 0)", law.a(), law.b(), law.eta()));
        }
        double[] pred = new double[loss.length];
        for (int i = 0; i < loss.length; i++) pred[i] = law.loss(n[i], d[i]);
        return new OvertrainFit(law, loss.length, bestSse, Goodness.of(loss, pred));
    }

    private static double[] local(double[] logN, double[] logD, double[] loss, double[] start) {
        var problem = new LeastSquaresBuilder().model(p -> model(logN, logD, p)).target(loss).start(start)
                .maxEvaluations(400).maxIterations(200).lazyEvaluation(false).build();
        try {
            double[] t = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
            for (double v : t) if (!Double.isFinite(v)) return null;
            return t;
        } catch (MathIllegalStateException | ArithmeticException e) {
            return null;
        }
    }

    /** Values A N^k + b 6^(k/2) D^k + E and their Jacobian in (A, b, k, E). */
    private static Pair<RealVector, RealMatrix> model(double[] logN, double[] logD, RealVector p) {
        double a = p.getEntry(0), b = p.getEntry(1), k = p.getEntry(2), e = p.getEntry(3);
        double[] v = new double[logN.length];
        double[][] j = new double[logN.length][4];
        for (int i = 0; i < logN.length; i++) {
            double nk = Math.exp(k * logN[i]), dk = Math.exp(k * (LOG6 / 2 + logD[i]));
            v[i] = a * nk + b * dk + e;
            j[i][0] = nk;
            j[i][1] = dk;
            j[i][2] = a * nk * logN[i] + b * dk * (LOG6 / 2 + logD[i]);
            j[i][3] = 1;
        }
        return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
    }

    private static double sse(double[] n, double[] d, double[] loss, double[] t) {
        double s = 0;
        for (int i = 0; i < loss.length; i++) {
            double r = model(n[i], d[i], t) - loss[i];
            s += r * r;
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    private static double model(double n, double d, double[] t) {
        return t[0] * Math.pow(n, t[2]) + t[1] * Math.exp(t[2] * LOG6 / 2) * Math.pow(d, t[2]) + t[3];
    }

    static OvertrainLaw law(double[] t) {
        return OvertrainLaw.ofParamsAndTokens(t[3], t[0], t[1] * Math.exp(t[2] * LOG6 / 2), -t[2] / 2);
    }

    static double[] theta(OvertrainLaw l) {
        return new double[] {l.paramsCoefficient(), l.b(), -2 * l.eta(), l.E()};
    }

    private static void check(double[] n, double[] d, double[] loss) {
        if (n.length != d.length || n.length != loss.length) {
            throw new IllegalArgumentException("over-training fit needs one N, D and loss per run: got "
                    + n.length + ", " + d.length + ", " + loss.length);
        }
        if (n.length < 5) throw new IllegalArgumentException("over-training fit needs at least 5 runs, got " + n.length);
        for (int i = 0; i < n.length; i++) {
            if (!(n[i] > 0 && d[i] > 0 && loss[i] > 0)) {
                throw new IllegalArgumentException("run " + i + " must have N, D and loss > 0: N=" + n[i] + " D=" + d[i]
                        + " loss=" + loss[i]);
            }
        }
    }
}
