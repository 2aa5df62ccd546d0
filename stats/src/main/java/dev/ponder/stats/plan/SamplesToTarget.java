package dev.ponder.stats.plan;

import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.fit.Curve;
import dev.ponder.stats.fit.CurveFit;
import dev.ponder.stats.fit.Curves;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The fewest samples per problem at which a strategy reaches a target accuracy. The strategy's measured curve
 * acc(k) (mean over problems) is fitted with one of two laws:
 * <ul>
 *   <li>{@link Shape#COVERAGE}: the exponentiated power law acc(k) = exp(a k^b) of Large Language Monkeys, for
 *       best-of with a verifier (coverage); ceiling 1 when b < 0; k* = (log(target) / a)^(1/b).</li>
 *   <li>{@link Shape#PLATEAU}: 1 - acc(k) = E + A k^(-alpha), a power law with an irreducible error E, for
 *       voting and other strategies that plateau; ceiling 1 - E; k* = (A / (1 - E - target))^(1/alpha).</li>
 * </ul>
 * The interval comes from refitting on bootstrap resamples of the problems; a resample whose ceiling is below the
 * target counts as "not reachable" (infinite k).
 */
public record SamplesToTarget(double target, int[] ks, double[] curve, CurveFit<? extends Curve> fit, double ceiling,
                              double kNeeded, Estimate kInterval, Estimate ceilingInterval, OptionalInt observedK) {

    /** Which law describes the strategy's curve. */
    public enum Shape { COVERAGE, PLATEAU }

    /** Above this, a k is reported as not reachable. */
    public static final double UNREACHABLE = 1e9;

    public SamplesToTarget {
        ks = ks.clone();
        curve = curve.clone();
    }

    @Override
    public int[] ks() { return ks.clone(); }

    @Override
    public double[] curve() { return curve.clone(); }

    public boolean reachable() { return kNeeded < UNREACHABLE; }

    /**
     * Fits {@code shape} to the mean curve over problems and solves it for {@code target}, with a bootstrap interval.
     *
     * @param perProblem perProblem[i][j] = problem i's expected accuracy with ks[j] samples
     */
    public static SamplesToTarget plan(Shape shape, int[] ks, double[][] perProblem, double target, int resamples,
                                       double level, RandomGenerator rng) {
        if (!(target > 0 && target < 1)) throw new IllegalArgumentException("target accuracy must be in (0,1), was " + target);
        if (ks.length < 3) throw new IllegalArgumentException("need the curve at 3 or more k, got " + ks.length);
        int m = perProblem.length;
        double[] curve = mean(perProblem, identity(m), ks.length);
        CurveFit<? extends Curve> fit = fit(shape, ks, curve);
        double[] kr = new double[resamples], cr = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            try {
                Curve law = fit(shape, ks, mean(perProblem, Bootstrap.resampleIndices(m, rng), ks.length)).curve();
                kr[r] = kNeeded(law, target);
                cr[r] = ceiling(law);
            } catch (IllegalArgumentException degenerate) {   // e.g. a resample with no partial coverage
                kr[r] = cr[r] = Double.NaN;
            }
        }
        OptionalInt observed = OptionalInt.empty();
        for (int j = 0; j < ks.length; j++) {
            if (curve[j] >= target) {
                observed = OptionalInt.of(ks[j]);
                break;
            }
        }
        double k = kNeeded(fit.curve(), target);
        return new SamplesToTarget(target, ks, curve, fit, ceiling(fit.curve()), k, Bootstrap.summarise(k, kr, level),
                Bootstrap.summarise(ceiling(fit.curve()), cr, level), observed);
    }

    private static CurveFit<? extends Curve> fit(Shape shape, int[] ks, double[] curve) {
        double[] x = new double[ks.length], y = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            x[j] = ks[j];
            y[j] = shape == Shape.COVERAGE ? curve[j] : 1 - curve[j];
        }
        return shape == Shape.COVERAGE ? Curves.expPowerLaw(x, y) : Curves.powerLawOffset(x, y);
    }

    /** The accuracy the law approaches as k grows. */
    public static double ceiling(Curve law) {
        return switch (law) {
            case Curve.ExpPowerLaw l -> l.b() < 0 ? 1 : l.b() == 0 ? Math.exp(l.a()) : 0;
            case Curve.PowerLawOffset l -> Math.min(1, 1 - l.E());
            case Curve.LogLinear l -> l.slope() > 0 ? 1 : l.at(1);
            case Curve.Kaplan l -> Double.NaN;
        };
    }

    /** Accuracy of the law at k. */
    public static double accuracy(Curve law, double k) {
        return law instanceof Curve.PowerLawOffset ? 1 - law.at(k) : law.at(k);
    }

    static double kNeeded(Curve law, double target) {
        if (accuracy(law, 1) >= target) return 1;
        double k = switch (law) {
            case Curve.ExpPowerLaw l -> l.a() < 0 && l.b() < 0 ? Math.pow(Math.log(target) / l.a(), 1 / l.b()) : Double.NaN;
            case Curve.PowerLawOffset l -> {
                double gap = 1 - l.E() - target;
                yield gap > 0 && l.A() > 0 && l.alpha() > 0 ? Math.pow(l.A() / gap, 1 / l.alpha()) : Double.NaN;
            }
            case Curve.LogLinear l -> l.slope() > 0 ? Math.pow(2, (target - l.intercept()) / l.slope()) : Double.NaN;
            case Curve.Kaplan l -> Double.NaN;
        };
        return Double.isNaN(k) || k > UNREACHABLE ? UNREACHABLE * 10 : Math.max(1, Math.ceil(k));
    }

    private static double[] mean(double[][] per, int[] idx, int width) {
        double[] out = new double[width];
        for (int i : idx) for (int j = 0; j < width; j++) out[j] += per[i][j];
        for (int j = 0; j < width; j++) out[j] /= idx.length;
        return out;
    }

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    @Override
    public String toString() { return "SamplesToTarget[target=" + target + ", k=" + kNeeded + ", ceiling=" + ceiling + "]"; }
}
