package dev.ponder.stats.fit;

import dev.ponder.stats.bootstrap.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Bootstrap uncertainty for an over-training fit. The runs form a designed grid of (N, M), not a random sample, and
 * the paper's fit rests 4 parameters on 5 runs, so resampling runs (as for Chinchilla) would mostly draw sets that
 * cannot identify the law. This is the fixed-design residual bootstrap (Efron and Tibshirani 1993, "An Introduction
 * to the Bootstrap", ch. 9): each refit keeps the fitted runs' (N, D) and multiplies their fitted losses by relative
 * residuals drawn with replacement from every run whose M lies in the fitted range of M, centred on the log scale.
 * Runs left out of the fit measure how far real runs sit from the law, which the fitted runs' own residuals (one
 * degree of freedom for the paper's fit) cannot. Refits that do not converge are dropped and counted.
 */
public record OvertrainBootstrap(OvertrainFit fit, List<OvertrainLaw> replicates, int failed, int pool, double level)
        implements LawBootstrap<OvertrainLaw> {
    /** The most refits a caller may ask for: each is a Levenberg-Marquardt run, and every law is kept. */
    public static final int MAX_RESAMPLES = 100_000;

    public OvertrainBootstrap {
        replicates = List.copyOf(replicates);
        if (replicates.isEmpty()) throw new NotConvergedException("no bootstrap refit converged (" + failed + " failed)");
    }

    /**
     * B seeded refits. {@code n, d, loss} hold every run read; {@code fitted} the indices the law was fitted on;
     * the residual pool is every run whose M = D/N lies within the fitted runs' range of M.
     */
    public static OvertrainBootstrap run(double[] n, double[] d, double[] loss, int[] fitted, OvertrainFit fit,
                                         int resamples, double level, RandomGenerator rng) {
        if (resamples < 1 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("bootstrap resamples must be between 1 and " + MAX_RESAMPLES + ", was " + resamples);
        }
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i : fitted) {
            lo = Math.min(lo, d[i] / n[i]);
            hi = Math.max(hi, d[i] / n[i]);
        }
        List<Double> pool = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            double m = d[i] / n[i];
            if (m >= lo * (1 - Overtrain.MULTIPLIER_TOLERANCE) && m <= hi * (1 + Overtrain.MULTIPLIER_TOLERANCE)) {
                pool.add(Math.log(loss[i] / fit.law().loss(n[i], d[i])));
            }
        }
        double mean = pool.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double[] residuals = pool.stream().mapToDouble(r -> r - mean).toArray();
        int m = fitted.length;
        double[] fn = new double[m], fd = new double[m], base = new double[m];
        for (int j = 0; j < m; j++) {
            fn[j] = n[fitted[j]];
            fd[j] = d[fitted[j]];
            base[j] = fit.law().loss(fn[j], fd[j]);
        }
        List<int[]> draws = new ArrayList<>(resamples);   // drawn in order, so the result does not depend on threads
        for (int b = 0; b < resamples; b++) draws.add(rng.ints(m, 0, residuals.length).toArray());
        List<Optional<OvertrainLaw>> reps = draws.parallelStream().map(idx -> {
            double[] y = new double[m];
            for (int j = 0; j < m; j++) y[j] = base[j] * Math.exp(residuals[idx[j]]);
            try {
                return Optional.of(Overtrain.refit(fn, fd, y, fit.law()).law());
            } catch (NotConvergedException e) {
                return Optional.<OvertrainLaw>empty();
            }
        }).toList();
        List<OvertrainLaw> ok = reps.stream().flatMap(Optional::stream).toList();
        return new OvertrainBootstrap(fit, ok, resamples - ok.size(), residuals.length, level);
    }

    /** Estimates (value, standard error, percentile interval) for E, a, b, eta, in that order. */
    public Map<String, Estimate> parameters() {
        List<ToDoubleFunction<OvertrainLaw>> getters = List.of(OvertrainLaw::E, OvertrainLaw::a, OvertrainLaw::b, OvertrainLaw::eta);
        List<String> names = List.of("E", "a", "b", "eta");
        Map<String, Estimate> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), of(getters.get(i)));
        return out;
    }

    @Override
    public OvertrainLaw fittedLaw() { return fit.law(); }
}
