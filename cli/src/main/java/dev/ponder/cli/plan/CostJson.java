package dev.ponder.cli.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.lab.cost.Basis;
import dev.ponder.lab.cost.ClassCost;
import dev.ponder.lab.cost.CostPlan;
import dev.ponder.lab.cost.Deadline;
import dev.ponder.lab.cost.Latency;
import dev.ponder.lab.cost.Projection;
import dev.ponder.lab.cost.TierCost;
import dev.ponder.lab.cost.TierObservation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The {@code --json} document of {@code ponder plan cost}. */
final class CostJson {
    private CostJson() {}

    static ObjectNode of(CostPlan plan, Projection p) {
        ObjectNode root = JsonOut.object();
        root.put("workload", plan.workload().workload().name()).put("file", plan.workload().file().toString()).put("sha256", plan.workload().hash())
                .put("prices", plan.pricesName()).put("monthly_queries", plan.totalQueries()).put("dollars_per_query", plan.dollarsPerQuery())
                .put("dollars_per_month", plan.dollarsPerMonth());
        ArrayNode classes = root.putArray("classes");
        for (ClassCost c : plan.classes()) classes.add(classNode(c));
        ArrayNode tiers = root.putArray("observed_tiers");
        for (TierObservation o : plan.observed()) {
            ObjectNode t = tiers.addObject().put("tier", o.tier()).put("queries", o.queries()).put("input_tokens_per_query", o.inputTokens())
                    .put("output_tokens_per_query", o.outputTokens());
            latency(t, o.latency());
            o.sources().forEach(t.putArray("sources")::add);
        }
        root.set("projection", projection(plan, p));
        plan.notes().forEach(root.putArray("notes")::add);
        return root;
    }

    private static ObjectNode classNode(ClassCost c) {
        ObjectNode o = JsonOut.object().put("class", c.name()).put("share", c.demand().share()).put("monthly_queries", c.demand().monthlyQueries())
                .put("tier", c.tierLabel()).put("tokens", c.basisLabel()).put("input_tokens_per_query", c.inputTokens())
                .put("output_tokens_per_query", c.outputTokens()).put("dollars_per_query", c.dollarsPerQuery()).put("dollars_per_month", c.dollarsPerMonth());
        ArrayNode tiers = o.putArray("tiers");
        for (TierCost t : c.tiers()) {
            ObjectNode n = tiers.addObject().put("tier", t.tier().name()).put("share", t.share()).put("price_input", t.price().inputPerMillion())
                    .put("price_output", t.price().outputPerMillion()).put("input_tokens_per_query", t.inputTokens())
                    .put("output_tokens_per_query", t.outputTokens()).put("dollars_per_query", t.dollarsPerQuery());
            switch (t.basis()) {
                case Basis.Observed b -> n.put("tokens", "observed").put("observed_queries", b.observation().queries());
                case Basis.Assumed b -> n.put("tokens", "assumed").put("samples_per_query", b.samples());
            }
            latency(n, t.latency());
        }
        ObjectNode d = o.putObject("deadline");
        switch (c.deadline()) {
            case Deadline.None n -> d.put("verdict", "none");
            case Deadline.Meets m -> cheapest(d.put("verdict", "meets").put("seconds", m.seconds()).put("p95_seconds", m.p95Seconds()), m.cheapest());
            case Deadline.Unknown u -> {
                cheapest(d.put("verdict", "unknown").put("seconds", u.seconds()), u.cheapest());
                u.unobserved().forEach(t -> d.withArray("unobserved_tiers").add(t.name()));
            }
            case Deadline.Misses m -> {
                cheapest(d.put("verdict", "misses").put("seconds", m.seconds()), m.cheapest());
                m.late().forEach(t -> d.withArray("late_tiers").addObject().put("tier", t.tier().name()).put("p95_seconds", t.latency().orElseThrow().p95Seconds()));
            }
        }
        return o;
    }

    private static ObjectNode cheapest(ObjectNode d, Optional<Deadline.Alternative> a) {
        if (a.isEmpty()) return d.putNull("cheapest_tier_meeting");
        d.putObject("cheapest_tier_meeting").put("tier", a.get().tier().name()).put("dollars_per_query", a.get().dollarsPerQuery())
                .put("p50_seconds", a.get().latency().p50Seconds()).put("p95_seconds", a.get().latency().p95Seconds());
        return d;
    }

    private static void latency(ObjectNode n, Optional<Latency> l) {
        if (l.isEmpty()) {
            n.putNull("latency");
            return;
        }
        n.putObject("latency").put("queries", l.get().queries()).put("p50_seconds", l.get().p50Seconds()).put("p95_seconds", l.get().p95Seconds());
    }

    private static ObjectNode projection(CostPlan plan, Projection p) {
        ObjectNode o = JsonOut.object().put("decline_per_year", p.perYear()).put("years", p.years()).put("target_dollars_per_query", p.target());
        ArrayNode classes = o.putArray("classes");
        for (Projection.Series s : p.classes()) {
            ObjectNode c = classes.addObject().put("class", s.name()).put("tier", s.tier());
            numbers(c.putArray("dollars_per_query_by_year"), s.byYear());
            years(c, "years_to_target", s.yearsToTarget());
        }
        numbers(o.putArray("dollars_per_month_by_year"), p.monthlyTotal());
        ArrayNode sc = o.putArray("scenarios");
        for (Projection.Scenario s : p.scenarios()) {
            ObjectNode n = sc.addObject().put("decline_per_year", s.perYear());
            numbers(n.putArray("dollars_per_month_by_year"), s.monthlyTotal());
            ObjectNode reach = n.putObject("years_to_target");
            for (int i = 0; i < plan.classes().size(); i++) years(reach, plan.classes().get(i).name(), s.yearsToTarget().get(i));
        }
        return o;
    }

    private static void numbers(ArrayNode a, List<Double> values) { values.forEach(a::add); }

    private static void years(ObjectNode n, String field, OptionalDouble y) {
        if (y.isPresent()) n.put(field, y.getAsDouble()); else n.putNull(field);
    }
}
