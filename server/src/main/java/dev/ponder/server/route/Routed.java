package dev.ponder.server.route;

import dev.ponder.core.route.Tier;
import dev.ponder.core.route.TierEstimate;
import java.util.List;
import java.util.Locale;

/**
 * Why {@code auto} ran what it ran: the chosen tier and its served target, the lambda the knob came to, and every
 * tier's predicted success and cost (the choice maximises success - lambda x cost).
 */
public record Routed(Option chosen, double lambda, List<Option> options) {

    /** One tier the router weighed. */
    public record Option(Tier tier, String target, TierEstimate estimate) {
        public double utility(double lambda) { return estimate.success() - lambda * estimate.cost(); }
    }

    public Routed {
        options = List.copyOf(options);
    }

    /** One line for people: the choice, and every tier's success, cost and utility at this lambda. */
    public String why() {
        StringBuilder b = new StringBuilder(chosen.tier().name() + ": the highest predicted success - "
                + String.format(Locale.ROOT, "%.4g", lambda) + " x cost");
        for (Option o : options) {
            b.append(String.format(Locale.ROOT, "; %s %.3f at $%.6f (%.4f)", o.tier().name(), o.estimate().success(),
                    o.estimate().cost(), o.utility(lambda)));
        }
        return b.toString();
    }
}
