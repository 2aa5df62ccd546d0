package dev.ponder.cli.fit;

import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.bootstrap.Quantiles;
import dev.ponder.stats.fit.LogSlope;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One model's row of {@code ponder fit thinking}: accuracy (Wilson interval), thinking tokens, dollars per query,
 * (mean over rows that record a cost), accuracy per log2 bin of thinking tokens, and the slope per doubling within datasets (bootstrap interval).
 */
record ThinkingSummary(String model, int queries, Interval accuracy, int withThinking, double meanThinking,
                       double medianThinking, double costPerQuery, List<Bin> bins, Optional<Estimate> slope) {

    /** Queries whose thinking tokens fall in [lo, hi). */
    record Bin(double lo, double hi, int queries, double meanTokens, Interval accuracy) {}

    static ThinkingSummary of(String model, List<OutcomeRow> rows, int resamples, RandomGenerator rng) {
        double correct = 0, cost = 0;
        int costed = 0;
        for (OutcomeRow o : rows) {
            correct += o.score();
            if (o.costUsd().isPresent()) {
                cost += o.costUsd().get();
                costed++;
            }
        }
        List<OutcomeRow> thought = rows.stream().filter(o -> o.thinkingTokens().filter(t -> t > 0).isPresent()).toList();
        double[] tokens = thought.stream().mapToDouble(o -> o.thinkingTokens().orElseThrow()).toArray();
        double[] scores = thought.stream().mapToDouble(OutcomeRow::score).toArray();
        Map<String, Integer> groupIds = new LinkedHashMap<>();
        int[] group = thought.stream().mapToInt(o -> groupIds.computeIfAbsent(o.dataset(), d -> groupIds.size())).toArray();
        Optional<Estimate> slope = Optional.empty();
        if (tokens.length >= 3) {
            Estimate e = LogSlope.perDoubling(tokens, scores, group, resamples, 0.95, rng);
            if (!Double.isNaN(e.value())) slope = Optional.of(e);
        }
        return new ThinkingSummary(model, rows.size(), Wilson.interval95(correct, rows.size()), tokens.length,
                tokens.length == 0 ? Double.NaN : Arrays.stream(tokens).average().orElse(Double.NaN),
                tokens.length == 0 ? Double.NaN : Quantiles.quantile(tokens, 0.5), costed == 0 ? Double.NaN : cost / costed,
                bins(tokens, scores), slope);
    }

    private static List<Bin> bins(double[] tokens, double[] scores) {
        Map<Integer, double[]> acc = new TreeMap<>();   // log2 bin -> {count, sum tokens, sum score}
        for (int i = 0; i < tokens.length; i++) {
            double[] a = acc.computeIfAbsent((int) Math.floor(Math.log(tokens[i]) / Math.log(2)), b -> new double[3]);
            a[0]++;
            a[1] += tokens[i];
            a[2] += scores[i];
        }
        List<Bin> out = new ArrayList<>();
        acc.forEach((b, a) -> out.add(new Bin(Math.pow(2, b), Math.pow(2, b + 1), (int) a[0], a[1] / a[0],
                Wilson.interval95(a[2], (long) a[0]))));
        return out;
    }
}
