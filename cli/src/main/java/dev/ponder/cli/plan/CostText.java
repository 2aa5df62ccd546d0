package dev.ponder.cli.plan;

import dev.ponder.lab.cost.ClassCost;
import dev.ponder.lab.cost.CostPlan;
import dev.ponder.lab.cost.Figures;
import dev.ponder.lab.cost.Projection;
import dev.ponder.lab.cost.TierCost;
import dev.ponder.lab.cost.TierObservation;
import dev.ponder.lab.cost.TierSpec;
import dev.ponder.stats.plan.PriceDecline;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The text tables of {@code ponder plan cost}. */
final class CostText {
    private CostText() {}

    static void print(PrintWriter out, CostPlan plan, Projection p) {
        int w = Math.max(8, plan.classes().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        out.printf("workload %s (%s, sha256 %s): %d classes, %s queries a month%n", plan.workload().workload().name(), plan.workload().file(),
                plan.workload().hash(), plan.classes().size(), Figures.count(plan.totalQueries()));
        out.printf("prices: %s (dollars per million tokens); tokens per query: observed where a run or traces have the tier, else the class's"
                + " assumptions%n%n", plan.pricesName());
        out.printf("%-" + w + "s %9s %12s %11s %11s %-9s %11s %12s  %s%n", "class", "share", "queries/mo", "in tok/q", "out tok/q", "tokens",
                "$/query", "$/month", "tier");
        for (ClassCost c : plan.classes()) {
            out.printf("%-" + w + "s %9s %12s %11s %11s %-9s %11s %12s  %s%n", c.name(), Figures.share(c.demand().share()),
                    Figures.count(c.demand().monthlyQueries()), Figures.count(c.inputTokens()), Figures.count(c.outputTokens()), c.basisLabel(), Figures.money(c.dollarsPerQuery()),
                    Figures.money(c.dollarsPerMonth()), c.tierLabel());
        }
        out.printf("%-" + w + "s %9s %12s %11s %11s %-9s %11s %12s%n%n", "total", "1", Figures.count(plan.totalQueries()), "", "", "",
                Figures.money(plan.dollarsPerQuery()), Figures.money(plan.dollarsPerMonth()));
        tiers(out, plan);
        deadlines(out, plan, w);
        projection(out, p, w);
        scenarios(out, plan, p);
        for (String n : plan.notes()) out.println("note: " + n);
    }

    private static void tiers(PrintWriter out, CostPlan plan) {
        Map<String, TierSpec> all = new LinkedHashMap<>();
        for (ClassCost c : plan.classes()) for (TierCost t : c.tiers()) all.putIfAbsent(t.tier().name(), t.tier());
        int w = Math.max(4, all.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.println("latency per tier (observed; p50 and p95 of seconds per query)");
        out.printf("%-" + w + "s %8s %9s %9s %11s %11s  %s%n", "tier", "queries", "p50 s", "p95 s", "in tok/q", "out tok/q", "from");
        for (String name : all.keySet()) {
            TierObservation o = plan.observed().stream().filter(x -> x.tier().equals(name)).findFirst().orElse(null);
            if (o == null) {
                out.printf("%-" + w + "s %8s  no queries observed: priced from the class's assumptions, latency unknown%n", name, "-");
                continue;
            }
            out.printf("%-" + w + "s %8d %9s %9s %11s %11s  %s%n", name, o.queries(), o.latency().map(l -> Figures.seconds(l.p50Seconds())).orElse("-"),
                    o.latency().map(l -> Figures.seconds(l.p95Seconds())).orElse("-"), Figures.count(o.inputTokens()), Figures.count(o.outputTokens()),
                    String.join(", ", o.sources()) + (o.latency().isEmpty() ? " (no time recorded)" : ""));
        }
        out.println();
    }

    private static void deadlines(PrintWriter out, CostPlan plan, int w) {
        out.println("deadlines (a tier meets a deadline when its observed p95 is within it; the cheapest tier meeting it is named on cost and"
                + " latency alone: check its accuracy on the class before moving the class to it)");
        for (ClassCost c : plan.classes()) out.printf("%-" + w + "s %9s  %s%n", c.name(), Figures.deadline(c), Figures.verdict(c));
        out.println();
    }

    private static void projection(PrintWriter out, Projection p, int w) {
        out.printf("projection: prices per token fall %sx a year, tokens per query held; dollars per query by year%n", Figures.factor(p.perYear()));
        out.printf("%-" + w + "s", "class");
        for (int y = 0; y <= p.years(); y++) out.printf(" %10s", "year " + y);
        out.printf(" %12s%n", "<= $" + Figures.money(p.target()));
        for (Projection.Series s : p.classes()) {
            out.printf("%-" + w + "s", s.name());
            for (double v : s.byYear()) out.printf(" %10s", Figures.money(v));
            out.printf(" %12s%n", Figures.years(s.yearsToTarget()));
        }
        out.printf("%-" + w + "s", "$/month");
        for (double v : p.monthlyTotal()) out.printf(" %10s", Figures.money(v));
        out.printf("%n%n");
    }

    private static void scenarios(PrintWriter out, CostPlan plan, Projection p) {
        out.printf("scenarios: dollars a month by year, and years until each class costs at most $%s a query%n", Figures.money(p.target()));
        out.printf("%-10s", "decline");
        for (int y = 0; y <= p.years(); y++) out.printf(" %10s", "year " + y);
        for (ClassCost c : plan.classes()) out.printf(" %" + Math.max(8, c.name().length()) + "s", c.name());
        out.println();
        for (Projection.Scenario s : p.scenarios()) {
            out.printf("%-10s", Figures.factor(s.perYear()) + "x/yr");
            for (double v : s.monthlyTotal()) out.printf(" %10s", Figures.money(v));
            for (int i = 0; i < plan.classes().size(); i++) {
                out.printf(" %" + Math.max(8, plan.classes().get(i).name().length()) + "s", Figures.years(s.yearsToTarget().get(i)));
            }
            out.println();
        }
        PriceDecline d = new PriceDecline(p.perYear());
        OptionalDouble thousand = d.yearsToReach(1000, 1);
        out.printf("rates: %sx a year is %sx in 5 years; 1,000x in 5 years is %.2fx a year (1000^(1/5)); at %sx a year 1,000x takes %s%n%n",
                Figures.factor(p.perYear()), Figures.count(d.multipleAfter(5)), PriceDecline.over(1000, 5).perYear(), Figures.factor(p.perYear()),
                thousand.isPresent() ? String.format(Locale.ROOT, "%.2f years", thousand.getAsDouble()) : "forever");
    }
}
