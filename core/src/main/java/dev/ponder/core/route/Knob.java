package dev.ponder.core.route;

/** The cost-quality setting users turn. */
public sealed interface Knob {

    /** Maximise predicted success minus {@code perDollar} x predicted cost. 0 buys the best tier whatever it costs. */
    record Lambda(double perDollar) implements Knob {
        public Lambda {
            if (!(perDollar >= 0) || Double.isInfinite(perDollar)) throw new IllegalArgumentException("lambda must be finite and >= 0, was " + perDollar);
        }
    }

    /** Spend at most this much per query on average, calibrated on held-out queries. */
    record TargetCost(double perQuery) implements Knob {
        public TargetCost {
            if (!(perQuery >= 0) || Double.isInfinite(perQuery)) throw new IllegalArgumentException("target cost must be finite and >= 0, was " + perQuery);
        }
    }

    /** Send at most this share of queries to the most expensive tier, calibrated on held-out queries (RouteLLM's knob). */
    record StrongShare(double share) implements Knob {
        public StrongShare {
            if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("strong share must be in [0, 1], was " + share);
        }
    }
}
