package dev.ponder.core.route;

import java.util.List;

/** Chooses a tier for a query under a cost-quality knob. */
public interface Router {

    Predictor predictor();

    Choice choose(String query, Knob knob);

    /** A router over {@code predictor}; target knobs are turned into a lambda by {@code calibration}. */
    static Router of(Predictor predictor, SpendCalibration calibration) {
        return new UtilityRouter(predictor, calibration);
    }

    /** The index maximising success - lambda x cost; ties go to the cheaper tier, then the earlier one. */
    static int pick(List<TierEstimate> estimates, double lambda) {
        if (estimates.isEmpty()) throw new IllegalArgumentException("no tiers to choose from");
        int best = 0;
        double bestU = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < estimates.size(); i++) {
            TierEstimate e = estimates.get(i);
            double u = e.success() - lambda * e.cost();
            if (u > bestU + 1e-12 || (Math.abs(u - bestU) <= 1e-12 && e.cost() < estimates.get(best).cost())) {
                best = i;
                bestU = u;
            }
        }
        return best;
    }
}
