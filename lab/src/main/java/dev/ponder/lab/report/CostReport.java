package dev.ponder.lab.report;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.cost.ClassCost;
import dev.ponder.lab.cost.CostPlan;
import dev.ponder.lab.cost.Figures;
import dev.ponder.lab.cost.Projection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cost plan's page: {@code index.html} (self-contained, as the run report) with the classes, their deadlines, the
 * projection chart of dollars per query by year and the scenario chart of the month's total, each with the table
 * behind it, and the charts as PNG and SVG beside it.
 */
public final class CostReport {
    private CostReport() {}

    public static Path write(Path dir, CostPlan plan, Projection p) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            String name = plan.workload().workload().name();
            Html page = new Html("Ponder cost plan: " + name);
            page.h(1, "Ponder cost plan: " + name)
                    .p("Workload " + plan.workload().file() + " (sha256 " + plan.workload().hash() + "), " + Figures.count(plan.totalQueries())
                            + " queries a month, priced from " + plan.pricesName() + ". Tokens per query are observed where a run or proxy"
                            + " traces have the tier, else the class's written assumptions; latency is observed only.")
                    .h(2, "Classes").table("classes", List.of("class", "share", "queries/month", "tokens", "dollars/query", "dollars/month", "tier"), classes(plan))
                    .h(2, "Deadlines").table("deadlines", List.of("class", "deadline", "against observed p95 latency"), deadlines(plan))
                    .h(2, "Projection")
                    .p(String.format(Locale.ROOT, "Prices per token fall %sx a year and each class keeps its tokens per query. %sx a year is %sx in"
                            + " 5 years; \"1,000x in 5 years\" is 1000^(1/5) = %.2fx a year.", Figures.factor(p.perYear()), Figures.factor(p.perYear()),
                            Figures.count(Math.pow(p.perYear(), 5)), Math.pow(1000, 0.2)))
                    .chart(CostCharts.perQuery(dir, "cost-per-query", p))
                    .chart(CostCharts.scenarios(dir, "cost-scenarios", p))
                    .h(2, "Years until each class costs at most $" + Figures.money(p.target()) + " a query")
                    .table("target", header(plan), reach(p));
            for (String n : plan.notes()) page.p("Note: " + n);
            Path index = dir.resolve("index.html");
            Files.writeString(index, page.finish());
            return index;
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the cost report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<List<String>> classes(CostPlan plan) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassCost c : plan.classes()) {
            rows.add(List.of(c.name(), Figures.share(c.demand().share()), Figures.count(c.demand().monthlyQueries()), c.basisLabel(),
                    Figures.money(c.dollarsPerQuery()), Figures.money(c.dollarsPerMonth()), c.tierLabel()));
        }
        rows.add(List.of("total", "1", Figures.count(plan.totalQueries()), "", Figures.money(plan.dollarsPerQuery()), Figures.money(plan.dollarsPerMonth()), ""));
        return rows;
    }

    private static List<String> header(CostPlan plan) {
        List<String> h = new ArrayList<>(List.of("decline"));
        plan.classes().forEach(c -> h.add(c.name()));
        return h;
    }

    private static List<List<String>> reach(Projection p) {
        List<List<String>> rows = new ArrayList<>();
        for (Projection.Scenario s : p.scenarios()) {
            List<String> row = new ArrayList<>(List.of(Figures.factor(s.perYear()) + "x a year"));
            s.yearsToTarget().forEach(y -> row.add(Figures.years(y)));
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> deadlines(CostPlan plan) {
        return plan.classes().stream().map(c -> List.of(c.name(), Figures.deadline(c), Figures.verdict(c))).toList();
    }
}
