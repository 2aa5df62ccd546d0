package dev.ponder.stats.estimate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Majority-vote (self-consistency, Wang et al. 2022) accuracy at k, estimated by drawing {@code trials} random
 * subsets of k of a problem's n recorded samples without replacement. An empty answer abstains; a subset whose
 * answers are all empty is wrong; ties between the top answers are broken uniformly at random. There is no closed
 * form like pass@k, so the estimate is Monte Carlo: its error shrinks as 1/sqrt(trials).
 */
public final class MajorityVote {
    /** One recorded sample: its extracted answer (empty = no answer) and whether that answer is right. */
    public record Vote(String answer, boolean correct) {
        public Vote {
            Objects.requireNonNull(answer, "answer");
        }
    }

    private MajorityVote() {}

    /** Expected accuracy of a majority vote over k samples for one problem. */
    public static double accuracyAtK(List<Vote> samples, int k, int trials, RandomGenerator rng) {
        int n = samples.size();
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, n=" + n + "], was " + k);
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, was " + trials);
        if (k == n) return tieAwareFull(samples, rng, trials);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int hits = 0;
        for (int t = 0; t < trials; t++) {
            for (int i = 0; i < k; i++) {   // partial Fisher-Yates: the first k of perm are a uniform k-subset
                int j = i + rng.nextInt(n - i);
                int tmp = perm[i]; perm[i] = perm[j]; perm[j] = tmp;
            }
            if (vote(samples, perm, k, rng)) hits++;
        }
        return (double) hits / trials;
    }

    /** With k = n the subset is fixed; only tie-breaking is random, so average it over the trials. */
    private static double tieAwareFull(List<Vote> samples, RandomGenerator rng, int trials) {
        int[] all = new int[samples.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        int hits = 0;
        for (int t = 0; t < trials; t++) if (vote(samples, all, all.length, rng)) hits++;
        return (double) hits / trials;
    }

    private static boolean vote(List<Vote> samples, int[] idx, int k, RandomGenerator rng) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Boolean> right = new HashMap<>();
        for (int i = 0; i < k; i++) {
            Vote v = samples.get(idx[i]);
            if (v.answer().isEmpty()) continue;
            counts.computeIfAbsent(v.answer(), a -> new int[1])[0]++;
            right.merge(v.answer(), v.correct(), Boolean::logicalOr);
        }
        if (counts.isEmpty()) return false;
        int best = 0;
        for (int[] c : counts.values()) best = Math.max(best, c[0]);
        int tied = 0;
        int rightTied = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue()[0] == best) {
                tied++;
                if (right.get(e.getKey())) rightTied++;
            }
        }
        return rightTied > 0 && (tied == 1 || rng.nextInt(tied) < rightTied);
    }
}
