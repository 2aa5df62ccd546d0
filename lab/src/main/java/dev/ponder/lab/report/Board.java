package dev.ponder.lab.report;

import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The evidence board: for each source (and its domain), the cheapest configuration against the most accurate one,
 * with a paired bootstrap interval over problems on the accuracy gain and what the gain cost in samples and
 * dollars. The verdict says whether more compute helps here (the interval is above zero), hurts (below zero), or
 * shows no clear gain.
 */
record Board(String domain, String source, ConfigStats cheapest, ConfigStats best, Estimate gain, String verdict) {

    static Optional<Board> of(String domain, String source, List<ConfigStats> configs, long seed) {
        if (configs.size() < 2) return Optional.empty();
        ConfigStats cheap = configs.stream().min(Comparator.comparingDouble(ConfigStats::samples)
                .thenComparingDouble(ConfigStats::dollars)).orElseThrow();
        ConfigStats best = configs.stream().filter(c -> c != cheap)
                .max(Comparator.comparingDouble((ConfigStats c) -> c.accuracy().estimate()).thenComparingDouble(c -> -c.samples())).orElseThrow();
        Map<String, Boolean> base = new HashMap<>();
        for (StoredOutcome o : cheap.outcomes()) base.put(o.problemId(), o.correct());
        List<StoredOutcome> paired = best.outcomes().stream().filter(o -> base.containsKey(o.problemId())).toList();
        if (paired.isEmpty()) return Optional.empty();
        double[] a = new double[paired.size()];
        double[] b = new double[paired.size()];
        for (int i = 0; i < paired.size(); i++) {
            a[i] = paired.get(i).correct() ? 1 : 0;
            b[i] = base.get(paired.get(i).problemId()) ? 1 : 0;
        }
        Estimate gain = Bootstrap.pairedDifference(a, b, 1000, 0.95, new SplittableRandom(seed));
        String verdict = gain.low() > 0 ? "more compute helps" : gain.high() < 0 ? "more compute hurts" : "no clear gain";
        return Optional.of(new Board(domain, source, cheap, best, gain, verdict));
    }
}
