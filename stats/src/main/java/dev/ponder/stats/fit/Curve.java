package dev.ponder.stats.fit;

import java.util.Map;

/** A fitted one-variable law y = f(x). Closed set; each fits with a method on {@link Curves}. */
public sealed interface Curve permits Curve.LogLinear, Curve.ExpPowerLaw, Curve.PowerLawOffset, Curve.Kaplan {

    double at(double x);

    /** Parameter names and values, in the order of the formula. */
    Map<String, Double> parameters();

    /** The formula, for reports. */
    String formula();

    /**
     * y = intercept + slope * log2(x): accuracy against log compute. {@code slope} is the gain per doubling of x;
     * {@code slopeStderr} its OLS standard error.
     */
    record LogLinear(double intercept, double slope, double slopeStderr) implements Curve {
        @Override
        public double at(double x) { return intercept + slope * Math.log(x) / Math.log(2); }

        @Override
        public Map<String, Double> parameters() { return Map.of("intercept", intercept, "slope_per_doubling", slope); }

        @Override
        public String formula() { return "y = intercept + slope * log2(x)"; }
    }

    /**
     * Coverage c(k) = exp(a k^b), the exponentiated power law of Large Language Monkeys (Brown et al. 2024,
     * arXiv:2407.21787); a < 0 and b < 0 give coverage rising towards 1 ever more slowly.
     */
    record ExpPowerLaw(double a, double b) implements Curve {
        @Override
        public double at(double k) { return Math.exp(a * Math.pow(k, b)); }

        @Override
        public Map<String, Double> parameters() { return Map.of("a", a, "b", b); }

        @Override
        public String formula() { return "log c(k) = a * k^b"; }
    }

    /** y = E + A x^(-alpha): a power law with an irreducible offset E (for coverage, use 1 - c; ceiling 1 - E). */
    record PowerLawOffset(double E, double A, double alpha) implements Curve {
        @Override
        public double at(double x) { return E + A * Math.pow(x, -alpha); }

        @Override
        public Map<String, Double> parameters() { return Map.of("E", E, "A", A, "alpha", alpha); }

        @Override
        public String formula() { return "y = E + A * x^(-alpha)"; }
    }

    /** Kaplan et al. 2020's L(N) = (N_c / N)^alpha_N (reported alpha_N ~ 0.076, N_c ~ 8.8e13). */
    record Kaplan(double nc, double alphaN) implements Curve {
        @Override
        public double at(double n) { return Math.pow(nc / n, alphaN); }

        @Override
        public Map<String, Double> parameters() { return Map.of("N_c", nc, "alpha_N", alphaN); }

        @Override
        public String formula() { return "L(N) = (N_c / N)^alpha_N"; }
    }
}
