package dev.ponder.lab.cost;

import java.util.List;
import java.util.Optional;

/**
 * A class's deadline against its tiers' observed 95th-percentile latency. It is missed when any of its tiers is
 * slower, met when every tier is observed to be fast enough, and unknown while a tier has no observed latency.
 * {@code cheapest} is the cheapest tier anywhere in the workload observed to meet the deadline.
 */
public sealed interface Deadline permits Deadline.None, Deadline.Unknown, Deadline.Meets, Deadline.Misses {
    record None() implements Deadline {}

    record Unknown(double seconds, List<TierSpec> unobserved, Optional<Alternative> cheapest) implements Deadline {}

    record Meets(double seconds, double p95Seconds, Optional<Alternative> cheapest) implements Deadline {}

    record Misses(double seconds, List<TierCost> late, Optional<Alternative> cheapest) implements Deadline {}

    /** A tier observed to meet the deadline, with its observed cost per query. */
    record Alternative(TierSpec tier, double dollarsPerQuery, Latency latency) {}
}
