package dev.ponder.lab.route;

import java.util.List;
import java.util.Map;

/**
 * What {@code ponder route eval} reports, on queries the router was not trained on. Cost shares are the router's
 * cost per query over the strongest single model's, at the least spend reaching a share of its quality; NaN when
 * the router never reaches it. Intervals are seeded bootstrap percentiles (2.5%, 97.5%) over queries.
 */
public record RouterReport(
        String mode,
        int queries,
        String predictor,
        List<Point> points,
        Single strongest,
        List<Single> singles,
        Single oracle,
        double apgr,
        double[] apgrInterval,
        Map<String, Double> costShareAt,
        Map<String, double[]> costShareInterval,
        Map<String, Double> randomMixCostShareAt,
        List<String> notes) {

    public static final List<Double> LEVELS = List.of(0.5, 0.8, 0.95);

    /** One operating point of the router: lambda in quality per dollar (or per cost unit). */
    public record Point(double lambda, double quality, double cost) {}

    /** A single tier used for every query (or the oracle). */
    public record Single(String model, double quality, double cost) {}

    public RouterReport {
        points = List.copyOf(points);
        singles = List.copyOf(singles);
        notes = List.copyOf(notes);
    }
}
