package dev.ponder.server.route;

import dev.ponder.core.route.Estimate;
import dev.ponder.core.route.Tier;
import java.util.List;

/**
 * Why {@code auto} ran what it ran: the chosen tier and its served target, the lambda the knob came to, and every
 * tier's predicted success and cost (the choice maximises success - lambda x cost).
 */
public record Routed(Option chosen, double lambda, List<Option> options) {

    /** One tier the router weighed. */
    public record Option(Tier tier, String target, Estimate estimate) {
        public double utility(double lambda) { return estimate.success() - lambda * estimate.cost(); }
    }

    public Routed {
        options = List.copyOf(options);
    }

    /** One line for people: the choice and what it beat. */
    public String why() {
        StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%s: predicted success %.3f at $%.6f per query",
                chosen.tier().name(), chosen.estimate().success(), chosen.estimate().cost()));
        b.append(String.format(java.util.Locale.ROOT, "; best success - %.4g x cost", lambda));
        for (Option o : options) {
            if (o.equals(chosen)) continue;
            b.append(String.format(java.util.Locale.ROOT, "; %s %.3f at $%.6f", o.tier().name(), o.estimate().success(), o.estimate().cost()));
        }
        return b.toString();
    }
}
