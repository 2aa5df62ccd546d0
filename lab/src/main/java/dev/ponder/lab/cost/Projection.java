package dev.ponder.lab.cost;

import dev.ponder.stats.plan.PriceDecline;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Costs over the coming years if prices per token fall by a constant factor a year and each class keeps its tokens
 * per query: each class's dollars per query by year and the year it reaches the target, the month's total, and
 * the same for each scenario rate.
 */
public record Projection(double perYear, int years, double target, List<Series> classes, List<Double> monthlyTotal, List<Scenario> scenarios) {
    /** One class: dollars per query at years 0..N and the years until it costs at most the target (empty: never). */
    public record Series(String name, String tier, List<Double> byYear, OptionalDouble yearsToTarget) {}

    /** One decline rate: the month's total at years 0..N and each class's years to the target, in class order. */
    public record Scenario(double perYear, List<Double> monthlyTotal, List<OptionalDouble> yearsToTarget) {}

    public static Projection of(CostPlan plan, double perYear, List<Double> scenarioRates, int years, double target) {
        if (years < 1) throw new IllegalArgumentException("--years must be >= 1, was " + years);
        PriceDecline d = new PriceDecline(perYear);
        List<Series> classes = new ArrayList<>();
        for (ClassCost c : plan.classes()) {
            classes.add(new Series(c.name(), c.tierLabel(), curve(d, c.dollarsPerQuery(), years), d.yearsToReach(c.dollarsPerQuery(), target)));
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (double rate : scenarioRates) {
            PriceDecline s = new PriceDecline(rate);
            List<OptionalDouble> reach = plan.classes().stream().map(c -> s.yearsToReach(c.dollarsPerQuery(), target)).toList();
            scenarios.add(new Scenario(rate, curve(s, plan.dollarsPerMonth(), years), reach));
        }
        return new Projection(perYear, years, target, classes, curve(d, plan.dollarsPerMonth(), years), scenarios);
    }

    private static List<Double> curve(PriceDecline d, double now, int years) {
        List<Double> out = new ArrayList<>();
        for (int y = 0; y <= years; y++) out.add(d.priceAfter(now, y));
        return out;
    }
}
