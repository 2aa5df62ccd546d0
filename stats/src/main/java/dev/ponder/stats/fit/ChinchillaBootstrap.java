package dev.ponder.stats.fit;

import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Bootstrap uncertainty for a Chinchilla fit: resample the points with replacement, refit (warm-started at the
 * full-data optimum, as a refit from the whole grid each time would cost ~10x more for the same optimum), and
 * read standard errors and percentile intervals off the refits. Predictions get intervals the same way.
 */
public record ChinchillaBootstrap(ChinchillaFit fit, List<ChinchillaLaw> replicates, double level)
        implements LawBootstrap<ChinchillaLaw> {
    public ChinchillaBootstrap {
        replicates = List.copyOf(replicates);
        if (replicates.isEmpty()) throw new IllegalArgumentException("bootstrap needs at least one refit");
    }

    /** Run B seeded refits on resampled points. */
    public static ChinchillaBootstrap run(double[] n, double[] d, double[] loss, ChinchillaFit fit, int resamples,
                                          double level, RandomGenerator rng) {
        if (resamples < 1) throw new IllegalArgumentException("bootstrap resamples must be >= 1, was " + resamples);
        List<ChinchillaLaw> start = List.of(fit.law());
        int m = n.length;
        List<int[]> draws = new ArrayList<>(resamples);   // drawn in order, so the result does not depend on threads
        for (int b = 0; b < resamples; b++) draws.add(Bootstrap.resampleIndices(m, rng));
        List<ChinchillaLaw> reps = draws.parallelStream().map(idx -> {
            double[] bn = new double[m], bd = new double[m], bl = new double[m];
            for (int i = 0; i < m; i++) {
                bn[i] = n[idx[i]];
                bd[i] = d[idx[i]];
                bl[i] = loss[idx[i]];
            }
            return Chinchilla.refit(bn, bd, bl, start).law();
        }).toList();
        return new ChinchillaBootstrap(fit, reps, level);
    }

    /** Estimates (value, standard error, percentile interval) for E, A, B, alpha, beta, in that order. */
    public Map<String, Estimate> parameters() {
        Map<String, Estimate> out = new LinkedHashMap<>();
        out.put("E", of(ChinchillaLaw::E));
        out.put("A", of(ChinchillaLaw::A));
        out.put("B", of(ChinchillaLaw::B));
        out.put("alpha", of(ChinchillaLaw::alpha));
        out.put("beta", of(ChinchillaLaw::beta));
        return out;
    }

    @Override
    public ChinchillaLaw fittedLaw() { return fit.law(); }
}
