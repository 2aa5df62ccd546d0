package dev.ponder.lab.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The upper concave envelope of (cost, quality) points: what mixing the operating points at random can reach.
 * Used for the cost share at a quality level (interpolated) and for APGR.
 */
final class Frontier {
    private final double[] cost;
    private final double[] quality;

    private Frontier(double[] cost, double[] quality) {
        this.cost = cost;
        this.quality = quality;
    }

    /** points: {cost, quality} pairs. */
    static Frontier of(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> -p[1]));
        List<double[]> hull = new ArrayList<>();
        for (double[] p : sorted) {
            if (!hull.isEmpty() && p[1] <= hull.getLast()[1]) continue;     // costs more, no better
            while (hull.size() >= 2) {
                double[] a = hull.get(hull.size() - 2), b = hull.getLast();
                double cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
                if (cross >= 0) hull.removeLast(); else break;             // b lies under the chord a-p
            }
            hull.add(p);
        }
        return new Frontier(hull.stream().mapToDouble(p -> p[0]).toArray(), hull.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** Least cost reaching quality {@code target}, interpolating between vertices; NaN when never reached. */
    double costFor(double target) {
        for (int i = 0; i < cost.length; i++) {
            if (quality[i] >= target) {
                if (i == 0) return cost[0];
                double f = (target - quality[i - 1]) / (quality[i] - quality[i - 1]);
                return cost[i - 1] + f * (cost[i] - cost[i - 1]);
            }
        }
        return Double.NaN;
    }

    /** Best quality at spend {@code x}: interpolated inside, the cheapest vertex below, the best vertex above. */
    double qualityAt(double x) {
        if (x <= cost[0]) return quality[0];
        for (int i = 1; i < cost.length; i++) {
            if (x <= cost[i]) return quality[i - 1] + (x - cost[i - 1]) / (cost[i] - cost[i - 1]) * (quality[i] - quality[i - 1]);
        }
        return quality[quality.length - 1];
    }

    /**
     * Average performance gap recovered (Ong et al. 2024, RouteLLM), on a cost axis: the mean over spend x from the
     * weak (cheapest) to the strong model's cost of (q(x) - q_weak) / (q_strong - q_weak).
     */
    double apgr(double weakCost, double weakQuality, double strongCost, double strongQuality) {
        if (!(strongQuality > weakQuality)) return Double.NaN;
        if (!(strongCost > weakCost)) return (qualityAt(strongCost) - weakQuality) / (strongQuality - weakQuality);
        int steps = 400;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = weakCost + (strongCost - weakCost) * i / steps;
            double w = i == 0 || i == steps ? 0.5 : 1;
            sum += w * (qualityAt(x) - weakQuality);
        }
        return sum / steps / (strongQuality - weakQuality);
    }
}
