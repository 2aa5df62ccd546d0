package dev.ponder.core.calibrate;

import dev.ponder.core.bank.ReplayOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Honest figures for a way of choosing a setting: choose on some questions, measure on the others. {@link #folds}
 * is cross-fitting (K folds, each left out once, repeated with new seeded partitions); {@link #halves} is the split
 * test (calibrate on a random half, evaluate on the other). Measuring only averages rows of the precomputed table.
 */
public final class HeldOut {
    private HeldOut() {}

    /** Questions to choose on, and questions to measure on. */
    public record Pair(int[] train, int[] test) {}

    /**
     * Pooled over every left-out question (each counted once per pair): risk, mean samples, accuracy and full-budget
     * accuracy (with labels); how many pairs' realised risk exceeded epsilon; and how often each setting was chosen.
     */
    public record Result(int pairs, int exceeded, double risk, double samples, Optional<Double> accuracy,
                         Optional<Double> fullAccuracy, Map<String, Integer> chosen) {}

    /** K folds, {@code repeats} times, each repeat a new seeded partition. */
    public static List<Pair> folds(int n, int k, int repeats, long seed) {
        if (k < 2 || k > n) throw new IllegalArgumentException("folds must be in [2, " + n + "] (the number of questions), was " + k);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
        List<Pair> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            int[] perm = shuffled(n, seed + r);
            for (int f = 0; f < k; f++) {
                int lo = (int) ((long) n * f / k);
                int hi = (int) ((long) n * (f + 1) / k);
                out.add(new Pair(concat(perm, 0, lo, hi, n), Arrays.copyOfRange(perm, lo, hi)));
            }
        }
        return out;
    }

    /** {@code splits} random halves: choose on the first half (n/2 questions), measure on the rest. */
    public static List<Pair> halves(int n, int splits, long seed) {
        if (n < 2) throw new IllegalArgumentException("a split test needs at least 2 questions, was " + n);
        if (splits < 1) throw new IllegalArgumentException("splits must be >= 1, was " + splits);
        List<Pair> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int s = 0; s < splits; s++) {
            int[] perm = shuffled(n, rng.nextLong());
            out.add(new Pair(Arrays.copyOfRange(perm, 0, n / 2), Arrays.copyOfRange(perm, n / 2, n)));
        }
        return out;
    }

    public static Result evaluate(Losses l, List<Pair> pairs, Selector selector, double epsilon) {
        double risk = 0;
        double samples = 0;
        double acc = 0;
        double full = 0;
        long count = 0;
        int exceeded = 0;
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (Pair p : pairs) {
            int s = selector.choose(l, p.train());
            chosen.merge(l.settings().get(s).spec(), 1, Integer::sum);
            if (l.risk(s, p.test()) > epsilon) exceeded++;
            for (int q : p.test()) {
                risk += l.loss(s, q);
                samples += l.samples(s, q);
                acc += l.correct(s, q);
                full += l.fullCorrect(q);
            }
            count += p.test().length;
        }
        Optional<Double> accuracy = l.labelled() ? Optional.of(acc / count) : Optional.empty();
        Optional<Double> fullAccuracy = l.labelled() ? Optional.of(full / count) : Optional.empty();
        return new Result(pairs.size(), exceeded, risk / count, samples / count, accuracy, fullAccuracy, chosen);
    }

    private static int[] shuffled(int n, long seed) { return ReplayOrder.shuffled(n, new SplittableRandom(seed)); }

    private static int[] concat(int[] a, int from, int skipLo, int skipHi, int to) {
        int[] out = new int[(skipLo - from) + (to - skipHi)];
        System.arraycopy(a, from, out, 0, skipLo - from);
        System.arraycopy(a, skipHi, out, skipLo - from, to - skipHi);
        return out;
    }
}
