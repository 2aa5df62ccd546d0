package dev.ponder.core.route;

import java.util.List;

/** What the router chose for a query, with the lambda it used and every tier's estimate. */
public record Choice(Tier tier, double lambda, List<TierEstimate> estimates) {
    public Choice {
        estimates = List.copyOf(estimates);
    }
}
