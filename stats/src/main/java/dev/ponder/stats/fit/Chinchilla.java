package dev.ponder.stats.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;

/**
 * Fits L(N, D) = E + A/N^alpha + B/D^beta as in Epoch AI's replication of Chinchilla Approach 3 (Besiroglu, Erdil,
 * Barnett and You 2024, arXiv:2404.10102): minimise the Huber loss (delta 1e-3) of
 * LSE(a - alpha log N, b - beta log D, e) - log L. Their grid of starting points (alpha, beta in 0..2 step 0.5,
 * e in -1..1 step 0.5, a, b in 0..25 step 5) is evaluated, and a local optimiser runs from the most promising
 * starts. In place of their L-BFGS, Hipparchus' Levenberg-Marquardt minimises the pseudo-residuals
 * sign(r) sqrt(2 Huber(r)), whose sum of squares is twice the Huber objective (so the minimiser is the same);
 * it reaches a lower objective than SciPy's L-BFGS on Epoch's data.
 */
public final class Chinchilla {
    /** Epoch's Huber delta. */
    public static final double DELTA = 1e-3;
    private static final int LOCAL_STARTS = 8;

    private Chinchilla() {}

    /** Fit on points (N, D, loss); all three arrays have one entry per point. */
    public static ChinchillaFit fit(double[] n, double[] d, double[] loss) {
        HuberLogLoss obj = objective(n, d, loss);
        List<double[]> starts = bestGridStarts(obj, LOCAL_STARTS);
        return finish(obj, n, d, loss, starts);
    }

    /** Refit from given starting laws only (used by the bootstrap, warm-started at the full-data optimum). */
    public static ChinchillaFit refit(double[] n, double[] d, double[] loss, List<ChinchillaLaw> starts) {
        HuberLogLoss obj = objective(n, d, loss);
        return finish(obj, n, d, loss, starts.stream().map(Chinchilla::theta).toList());
    }

    private static ChinchillaFit finish(HuberLogLoss obj, double[] n, double[] d, double[] loss, List<double[]> starts) {
        PointValuePair best = null;
        for (double[] s : starts) {
            PointValuePair p = local(obj, s);
            if (best == null || p.getValue() < best.getValue()) best = p;
        }
        ChinchillaLaw law = law(best.getPoint());
        double[] pred = new double[loss.length];
        for (int i = 0; i < loss.length; i++) pred[i] = law.loss(n[i], d[i]);
        return new ChinchillaFit(law, loss.length, best.getValue(), Goodness.of(loss, pred));
    }

    static HuberLogLoss objective(double[] n, double[] d, double[] loss) {
        if (n.length != d.length || n.length != loss.length) {
            throw new IllegalArgumentException("Chinchilla fit needs one N, D and loss per point: got "
                    + n.length + ", " + d.length + ", " + loss.length);
        }
        if (n.length < 5) throw new IllegalArgumentException("Chinchilla fit needs at least 5 points, got " + n.length);
        double[] ln = new double[n.length], ld = new double[n.length], ll = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            if (!(n[i] > 0 && d[i] > 0 && loss[i] > 0)) {
                throw new IllegalArgumentException("point " + i + " must have N, D and loss > 0: N=" + n[i]
                        + " D=" + d[i] + " loss=" + loss[i]);
            }
            ln[i] = Math.log(n[i]);
            ld[i] = Math.log(d[i]);
            ll[i] = Math.log(loss[i]);
        }
        return new HuberLogLoss(ln, ld, ll, DELTA);
    }

    static List<double[]> bestGridStarts(HuberLogLoss obj, int keep) {
        List<double[]> grid = new ArrayList<>();
        for (double alpha = 0; alpha < 2.5; alpha += 0.5)
            for (double beta = 0; beta < 2.5; beta += 0.5)
                for (double e = -1; e < 1.5; e += 0.5)
                    for (double a = 0; a < 30; a += 5)
                        for (double b = 0; b < 30; b += 5) grid.add(new double[] {a, b, e, alpha, beta});
        double[] values = new double[grid.size()];
        for (int i = 0; i < values.length; i++) values[i] = obj.value(grid.get(i));
        Integer[] order = new Integer[grid.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(keep, order.length); i++) out.add(grid.get(order[i]));
        return out;
    }

    static PointValuePair local(HuberLogLoss obj, double[] start) {
        var problem = new LeastSquaresBuilder()
                .model(obj::pseudo).target(new double[obj.size()]).start(start)
                .maxEvaluations(100_000).maxIterations(100_000).lazyEvaluation(false).build();
        try {
            var opt = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-12).optimize(problem);
            double[] p = opt.getPoint().toArray();
            return new PointValuePair(p, obj.value(p));
        } catch (MathIllegalStateException e) {
            return new PointValuePair(start, obj.value(start));
        }
    }

    static ChinchillaLaw law(double[] t) {
        return new ChinchillaLaw(Math.exp(t[2]), Math.exp(t[0]), Math.exp(t[1]), t[3], t[4]);
    }

    static double[] theta(ChinchillaLaw l) {
        return new double[] {Math.log(l.A()), Math.log(l.B()), Math.log(l.E()), l.alpha(), l.beta()};
    }
}
