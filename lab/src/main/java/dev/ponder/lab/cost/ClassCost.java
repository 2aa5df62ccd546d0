package dev.ponder.lab.cost;

import java.util.List;
import java.util.stream.Collectors;

/** A priced class: its part of the month, its tiers' costs, and its deadline against their latency. */
public record ClassCost(QueryClass queryClass, Demand demand, List<TierCost> tiers, Deadline deadline) {
    public ClassCost {
        tiers = List.copyOf(tiers);
    }

    public String name() { return queryClass.name(); }

    /** The mean over the class's tiers, weighted by the share of queries each answers. */
    public double dollarsPerQuery() { return tiers.stream().mapToDouble(t -> t.share() * t.dollarsPerQuery()).sum(); }

    public double dollarsPerMonth() { return dollarsPerQuery() * demand.monthlyQueries(); }

    public double inputTokens() { return tiers.stream().mapToDouble(t -> t.share() * t.inputTokens()).sum(); }

    public double outputTokens() { return tiers.stream().mapToDouble(t -> t.share() * t.outputTokens()).sum(); }

    /** {@code vote@5:o4-mini}, or for the router's tiers {@code router(single:gpt-4o-mini 0.85, vote@3:o3-mini 0.15)}. */
    public String tierLabel() {
        if (queryClass.tier().isPresent()) return tiers.getFirst().tier().name();
        return tiers.stream().map(t -> t.tier().name() + " " + Figures.share(t.share()))
                .collect(Collectors.joining(", ", "router(", ")"));
    }

    /** {@code observed}, {@code assumed}, or {@code mixed} when the router's tiers differ. */
    public String basisLabel() {
        long observed = tiers.stream().filter(t -> t.basis() instanceof Basis.Observed).count();
        return observed == tiers.size() ? "observed" : observed == 0 ? "assumed" : "mixed";
    }
}
