package dev.ponder.lab.report;

import dev.ponder.lab.store.StoredSample;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.estimate.MajorityVote;
import dev.ponder.stats.estimate.PassAtK;
import dev.ponder.stats.fit.CoverageFit;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * pass@k and majority-vote@k for k = 1..K from the stored samples of the configuration that drew the most per
 * problem (K = the fewest any problem has), with the exponentiated power law fitted to pass@k (CoverageFit,
 * Brown et al. 2024). Majority@k is Monte Carlo (MajorityVote), at k = 1, 2, 3, 4, 6, 8, ... K; its band is a
 * Wilson interval over problems.
 */
record PassAtKCurves(String config, int problems, int maxK, List<Estimate> passAtK, SortedMap<Integer, Interval> majority,
              Optional<CoverageFit> fit, Optional<String> fitNote) {

    static Optional<PassAtKCurves> of(String config, Map<String, List<StoredSample>> byProblem, long seed) {
        List<List<StoredSample>> ps = byProblem.values().stream().filter(l -> !l.isEmpty()).toList();
        if (ps.isEmpty()) return Optional.empty();
        int k = ps.stream().mapToInt(List::size).min().orElse(0);
        if (k < 2) return Optional.empty();
        int[] n = new int[ps.size()];
        int[] c = new int[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            n[i] = ps.get(i).size();
            c[i] = (int) ps.get(i).stream().filter(s -> s.verdict().orElse(false)).count();
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Optional<CoverageFit> fit = Optional.empty();
        Optional<String> note = Optional.empty();
        List<Estimate> pass;
        try {
            CoverageFit f = CoverageFit.fit(n, c, 4 * k, 100, 0.95, rng);
            fit = Optional.of(f);
            pass = f.passAtK();
        } catch (IllegalArgumentException e) {
            note = Optional.of("no law fitted: " + e.getMessage());
            pass = new ArrayList<>();
            for (int j = 1; j <= k; j++) {
                double[] per = PassAtK.perProblemPassAtK(n, c, j);
                pass.add(Bootstrap.mean(per, 200, 0.95, rng));
            }
        }
        SortedMap<Integer, Interval> maj = new TreeMap<>();
        for (int j : Charts.grid(k)) {
            double sum = 0;
            for (List<StoredSample> p : ps) {
                List<MajorityVote.Vote> votes = p.stream().map(s -> new MajorityVote.Vote(s.answer(), s.verdict().orElse(false))).toList();
                sum += MajorityVote.accuracyAtK(votes, j, 100, rng);
            }
            maj.put(j, Wilson.interval95(sum, ps.size()));
        }
        return Optional.of(new PassAtKCurves(config, ps.size(), k, pass, maj, fit, note));
    }
}
