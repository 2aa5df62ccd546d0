package dev.ponder.lab.export;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the samples an export chose from cost: dollars, output and input tokens summed over the samples that
 * recorded them, and how many samples left each figure unknown.
 */
record Spend(long samples, double dollars, long unknownDollars, double outputTokens, long unknownOutput,
                    double inputTokens, long unknownInput) {

    static Spend of(List<Group> groups) {
        List<Draw> all = groups.stream().flatMap(g -> g.draws().stream()).toList();
        return new Spend(all.size(), sum(all, Draw::dollars), unknown(all, Draw::dollars), sum(all, Draw::outputTokens),
                unknown(all, Draw::outputTokens), sum(all, Draw::inputTokens), unknown(all, Draw::inputTokens));
    }

    private static double sum(List<Draw> all, Function<Draw, Optional<Double>> f) {
        return all.stream().map(f).flatMap(Optional::stream).mapToDouble(Double::doubleValue).sum();
    }

    private static long unknown(List<Draw> all, Function<Draw, Optional<Double>> f) {
        return all.stream().map(f).filter(Optional::isEmpty).count();
    }
}
