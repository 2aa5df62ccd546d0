package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Votes over extracted answers. Empty answers do not vote. Ties go to the answer seen first, as
 * Python's {@code Counter.most_common} does in the self-consistency reference code.
 */
public final class Tally {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final Map<String, Sample> firstSample = new LinkedHashMap<>();
    private int votes;

    public static Tally of(List<Sample> samples) {
        Tally t = new Tally();
        samples.forEach(t::add);
        return t;
    }

    /** Each sample weighted by {@link Scores#weight} (1 for samples without a score or confidence). */
    public static Tally weighted(List<Sample> samples) {
        Tally t = new Tally();
        for (Sample s : samples) t.add(s, Scores.weight(s));
        return t;
    }

    /**
     * The answer a vote over {@code samples} gives: by weight ({@link Scores#weight}), which is the plain majority when
     * no sample carries a score or confidence (first seen wins ties either way). Empty when no sample had an answer.
     */
    public static Optional<String> decision(List<Sample> samples) { return weighted(samples).topWeighted(); }

    public void add(Sample s) { add(s, 1.0); }

    public void add(Sample s, double weight) {
        if (!s.hasAnswer()) return;
        counts.merge(s.answer(), 1, Integer::sum);
        weights.merge(s.answer(), weight, Double::sum);
        firstSample.putIfAbsent(s.answer(), s);
        votes++;
    }

    /** Samples that carried an answer. */
    public int votes() { return votes; }

    /** The most frequent answer (first seen wins ties), or empty when no sample had an answer. */
    public Optional<String> top() { return best(counts); }

    /** The answer with the largest total weight (first seen wins ties). */
    public Optional<String> topWeighted() { return best(weights); }

    public int count(String answer) { return counts.getOrDefault(answer, 0); }

    public double weight(String answer) { return weights.getOrDefault(answer, 0.0); }

    /** Counts in descending order (ties in first-seen order). */
    public List<Integer> sortedCounts() {
        List<Integer> c = new ArrayList<>(counts.values());
        c.sort((a, b) -> Integer.compare(b, a));
        return c;
    }

    public int topCount() { return top().map(this::count).orElse(0); }

    public int secondCount() {
        List<Integer> c = sortedCounts();
        return c.size() > 1 ? c.get(1) : 0;
    }

    /** The leader's total weight minus the runner-up's (0 when no sample had an answer). */
    public double weightMargin() {
        double first = 0;
        double second = 0;
        for (double w : weights.values()) {
            if (w > first) {
                second = first;
                first = w;
            } else if (w > second) {
                second = w;
            }
        }
        return first - second;
    }

    public Map<String, Integer> counts() { return Collections.unmodifiableMap(counts); }

    /**
     * Adaptive-Consistency's posterior that the leader is the more likely answer (uniform prior, Aggarwal et al. 2023):
     * 1 - I_{1/2}(a+1, b+1) with a, b the top two counts; 0 when no sample had an answer.
     */
    public double leaderProbability() {
        if (votes == 0) return 0;
        return 1 - org.hipparchus.special.Beta.regularizedBeta(0.5, topCount() + 1, secondCount() + 1);
    }

    public Optional<Sample> sampleOf(String answer) { return Optional.ofNullable(firstSample.get(answer)); }

    private static <N extends Number> Optional<String> best(Map<String, N> m) {
        String best = null;
        double bv = Double.NEGATIVE_INFINITY;
        for (var e : m.entrySet()) {
            if (e.getValue().doubleValue() > bv) {
                best = e.getKey();
                bv = e.getValue().doubleValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
