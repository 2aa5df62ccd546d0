package dev.ponder.stats.risk;

import java.util.OptionalInt;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The Hoeffding-Bentkus p-value for "the risk is above epsilon", from the mean of n independent losses in [0, 1]
 * (Bates, Angelopoulos, Lei, Malik and Jordan 2021, "Distribution-free, risk-controlling prediction sets", J. ACM;
 * written as a p-value in the appendix of Angelopoulos, Bates, Candes, Jordan and Lei 2021, "Learn then Test"):
 * <pre>
 *   p = min( exp(-n h1(min(r, eps), eps)),  e * P(Binomial(n, eps) &lt;= ceil(n r)) )
 *   h1(a, b) = a ln(a / b) + (1 - a) ln((1 - a) / (1 - b))
 * </pre>
 * with r the observed mean loss. Hoeffding's half is tight for moderate risks, Bentkus's for small ones; taking the
 * smaller is valid because both are bounds on the same tail probability of the observed mean. Both hold for
 * bounded losses, not only 0/1 ones, so a loss averaged over several sample orders of one question may be used.
 */
public final class HoeffdingBentkus {
    private static final double SLACK = 1e-9;

    private HoeffdingBentkus() {}

    /** The p-value for the null "risk &gt; eps" given the mean loss of n questions. */
    public static double pValue(double meanLoss, int n, double eps) {
        check(meanLoss, n);
        if (!(eps > 0 && eps < 1)) throw new IllegalArgumentException("epsilon must be in (0, 1), was " + eps);
        double r = Math.min(meanLoss, eps);
        double hoeffding = Math.exp(-n * h1(r, eps));
        int k = (int) Math.ceil(n * meanLoss - SLACK);
        double bentkus = Math.E * new BinomialDistribution(n, eps).cumulativeProbability(k);
        return Math.min(1, Math.min(hoeffding, bentkus));
    }

    /**
     * The upper confidence bound at {@code delta}: the smallest eps whose p-value is at most delta, so that the risk is
     * at most this with probability at least 1 - delta. Found by bisection (the p-value falls as eps grows).
     */
    public static double upperBound(double meanLoss, int n, double delta) {
        check(meanLoss, n);
        checkDelta(delta);
        if (meanLoss >= 1) return 1;
        double lo = meanLoss;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (mid > 0 && mid < 1 && pValue(meanLoss, n, mid) <= delta) hi = mid; else lo = mid;
        }
        return hi;
    }

    /**
     * How many questions it takes to certify risk &lt;= eps at {@code delta} if the observed rate stayed {@code rate}:
     * the smallest such n (empty when the rate is not below eps, where no number of questions will do). With a rate
     * of 0 this is about ln(1/delta)/eps.
     */
    public static OptionalInt questionsNeeded(double rate, double eps, double delta) {
        check(rate, 1);
        checkDelta(delta);
        if (rate >= eps) return OptionalInt.empty();
        int hi = 1;
        while (pValue(rate, hi, eps) > delta) {
            if (hi > (1 << 28)) return OptionalInt.empty();
            hi *= 2;
        }
        int lo = hi / 2 + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pValue(rate, mid, eps) <= delta) hi = mid; else lo = mid + 1;
        }
        return OptionalInt.of(hi);
    }

    /** The Bernoulli Kullback-Leibler divergence h1(a, b). */
    static double h1(double a, double b) {
        return term(a, b) + term(1 - a, 1 - b);
    }

    private static double term(double x, double y) {
        return x <= 0 ? 0 : x * Math.log(x / y);
    }

    private static void check(double meanLoss, int n) {
        if (!(meanLoss >= 0 && meanLoss <= 1)) throw new IllegalArgumentException("mean loss must be in [0, 1], was " + meanLoss);
        if (n < 1) throw new IllegalArgumentException("need at least one question, was " + n);
    }

    private static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
    }
}
