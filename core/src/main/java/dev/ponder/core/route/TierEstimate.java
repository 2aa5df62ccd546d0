package dev.ponder.core.route;

/** A predictor's guess for one tier on one query: probability of success and expected cost in dollars (or units). */
public record TierEstimate(double success, double cost) {
    public TierEstimate {
        if (!(success >= 0 && success <= 1)) throw new IllegalArgumentException("success must be in [0, 1], was " + success);
        if (!(cost >= 0) || Double.isInfinite(cost)) throw new IllegalArgumentException("cost must be finite and >= 0, was " + cost);
    }
}
