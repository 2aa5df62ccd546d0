package dev.ponder.lab.cost;

import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A workload priced: each class's tiers at the catalogue's prices for the tokens they were observed to use (a
 * stored run, proxy traces) or, where none were observed, the tokens the class assumes; each class's deadline
 * against its tiers' observed latency.
 */
public record CostPlan(LoadedWorkload workload, String pricesName, List<ClassCost> classes, List<TierObservation> observed, List<String> notes) {
    public CostPlan {
        classes = List.copyOf(classes);
        observed = List.copyOf(observed);
        notes = List.copyOf(notes);
    }

    public static CostPlan price(LoadedWorkload loaded, Observations seen, PriceCatalogue prices, String pricesName) {
        Workload w = loaded.workload();
        Map<String, TierSpec> tiers = new LinkedHashMap<>();
        for (QueryClass c : w.classes()) for (TierSpec t : c.tiers()) tiers.putIfAbsent(t.name(), t);
        List<Deadline.Alternative> fast = new ArrayList<>();
        List<TierObservation> observed = new ArrayList<>();
        for (TierSpec t : tiers.values()) {
            seen.of(t.name()).ifPresent(o -> {
                observed.add(o);
                o.latency().ifPresent(l -> fast.add(new Deadline.Alternative(t, TierCost.dollars(priceOf(prices, t), o.inputTokens(), o.outputTokens()), l)));
            });
        }
        fast.sort(Comparator.comparingDouble(Deadline.Alternative::dollarsPerQuery));
        List<ClassCost> out = new ArrayList<>();
        List<Demand> demand = w.demand();
        for (int i = 0; i < w.classes().size(); i++) {
            QueryClass c = w.classes().get(i);
            List<TierCost> costs = new ArrayList<>();
            for (int j = 0; j < c.mix().size(); j++) costs.add(tierCost(loaded, i, j, seen, prices));
            out.add(new ClassCost(c, demand.get(i), costs, deadline(c.deadlineSeconds(), costs, fast)));
        }
        List<String> notes = new ArrayList<>(seen.notes());
        Set<String> unused = new TreeSet<>(seen.tiers());
        unused.removeAll(tiers.keySet());
        if (!unused.isEmpty()) notes.add("observed tiers the workload does not use (not priced): " + String.join(", ", unused));
        return new CostPlan(loaded, pricesName, out, observed, notes);
    }

    private static TierCost tierCost(LoadedWorkload loaded, int i, int j, Observations seen, PriceCatalogue prices) {
        QueryClass c = loaded.workload().classes().get(i);
        RoutedTier r = c.mix().get(j);
        TierSpec t = r.spec();
        Price price = priceOf(prices, t);
        Optional<TierObservation> o = seen.of(t.name());
        if (o.isPresent()) {
            return new TierCost(t, r.share(), price, o.get().inputTokens(), o.get().outputTokens(), new Basis.Observed(o.get()), o.get().latency());
        }
        String field = "classes[" + i + "]" + (c.tier().isPresent() ? ".tier" : ".router[" + j + "].tier");
        Assumption a = c.assume().orElseThrow(() -> PonderException.invalid("%s: no queries of %s were observed%s and class %s has no"
                + " assume: {input_tokens, output_tokens} to price it from", loaded.at(field), t, seen.isEmpty() ? " (no --store/--run or --traces given)"
                : "", c.name()));
        double samples = a.samples().orElseGet(() -> (double) t.fixedSamples().orElseThrow());
        return new TierCost(t, r.share(), price, samples * a.inputTokens(), samples * a.outputTokens(), new Basis.Assumed(samples, a), Optional.empty());
    }

    private static Price priceOf(PriceCatalogue prices, TierSpec t) {
        return prices.find(t.model()).orElseThrow(() -> new IllegalStateException("the reader checked every model's price: " + t.model()));
    }

    private static Deadline deadline(OptionalDouble seconds, List<TierCost> tiers, List<Deadline.Alternative> fast) {
        if (seconds.isEmpty()) return new Deadline.None();
        double s = seconds.getAsDouble();
        Optional<Deadline.Alternative> cheapest = fast.stream().filter(a -> a.latency().p95Seconds() <= s).findFirst();
        List<TierCost> late = tiers.stream().filter(t -> t.latency().isPresent() && t.latency().get().p95Seconds() > s).toList();
        if (!late.isEmpty()) return new Deadline.Misses(s, late, cheapest);
        List<TierSpec> unobserved = tiers.stream().filter(t -> t.latency().isEmpty()).map(TierCost::tier).toList();
        if (!unobserved.isEmpty()) return new Deadline.Unknown(s, unobserved, cheapest);
        return new Deadline.Meets(s, tiers.stream().mapToDouble(t -> t.latency().orElseThrow().p95Seconds()).max().orElseThrow(), cheapest);
    }

    public double totalQueries() { return classes.stream().mapToDouble(c -> c.demand().monthlyQueries()).sum(); }

    public double dollarsPerMonth() { return classes.stream().mapToDouble(ClassCost::dollarsPerMonth).sum(); }

    /** The month's dollars over its queries: what the average query costs. */
    public double dollarsPerQuery() { return totalQueries() > 0 ? dollarsPerMonth() / totalQueries() : 0; }
}
