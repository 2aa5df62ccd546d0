package dev.ponder.core.route;

import java.util.List;

/**
 * Turns a target (dollars per query, share of strong calls) into a lambda using estimates for held-out queries,
 * as RouteLLM calibrates its threshold on a reference set (Ong et al. 2024), but across any number of tiers:
 * the chosen cost is non-increasing in lambda for every query, so a bisection on lambda meets the target.
 * The target holds on queries like the held-out ones; on a different mix of queries the realised spend moves.
 */
public final class SpendCalibration {
    private static final double MAX_LAMBDA = 1e12;
    private final List<List<TierEstimate>> heldOut;
    private final int strongest;

    private SpendCalibration(List<List<TierEstimate>> heldOut) {
        this.heldOut = heldOut;
        int tiers = heldOut.isEmpty() ? 0 : heldOut.getFirst().size();
        double[] mean = new double[tiers];
        for (List<TierEstimate> q : heldOut) {
            if (q.size() != tiers) throw new IllegalArgumentException("every held-out query needs " + tiers + " estimates, one had " + q.size());
            for (int t = 0; t < tiers; t++) mean[t] += q.get(t).cost();
        }
        int s = 0;
        for (int t = 1; t < tiers; t++) if (mean[t] > mean[s]) s = t;
        this.strongest = s;
    }

    /** Estimates for queries the predictor was not trained on. Empty: only {@link Knob.Lambda} can be used. */
    public static SpendCalibration of(List<List<TierEstimate>> heldOut) {
        return new SpendCalibration(heldOut.stream().map(List::copyOf).toList());
    }

    public double lambdaFor(Knob knob) {
        return switch (knob) {
            case Knob.Lambda l -> l.perDollar();
            case Knob.TargetCost c -> bisect(c.perQuery(), false);
            case Knob.StrongShare s -> bisect(s.share(), true);
        };
    }

    /** Mean estimated cost and share of the most expensive tier when routing the held-out queries at lambda. */
    double measure(double lambda, boolean share) {
        double total = 0;
        for (List<TierEstimate> q : heldOut) {
            int i = Router.pick(q, lambda);
            total += share ? (i == strongest ? 1 : 0) : q.get(i).cost();
        }
        return total / heldOut.size();
    }

    private double bisect(double target, boolean share) {
        if (heldOut.isEmpty()) throw new IllegalStateException("no held-out estimates to calibrate a target on; use a lambda");
        if (measure(0, share) <= target) return 0;
        double lo = 0, hi = 1;
        while (measure(hi, share) > target && hi < MAX_LAMBDA) hi *= 4;
        for (int it = 0; it < 100; it++) {
            double mid = lo == 0 ? hi / 2 : Math.sqrt(lo * hi);
            if (mid <= 0 || hi - lo <= 1e-9 * hi) break;
            if (measure(mid, share) > target) lo = mid; else hi = mid;
        }
        return hi;
    }
}
