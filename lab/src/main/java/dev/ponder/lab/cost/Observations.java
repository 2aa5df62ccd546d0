package dev.ponder.lab.cost;

import dev.ponder.stats.bootstrap.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Observed queries grouped by tier, from stored runs and proxy traces, with notes on what was left out and why. */
public final class Observations {
    private final Map<String, List<ObservedQuery>> byTier = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private Observations() {}

    public static Observations none() { return new Observations(); }

    public static Observations of(List<ObservedQuery> queries, List<String> notes) {
        Observations o = new Observations();
        for (ObservedQuery q : queries) o.byTier.computeIfAbsent(q.tier(), k -> new ArrayList<>()).add(q);
        o.notes.addAll(notes);
        return o;
    }

    public Observations plus(Observations other) {
        Observations o = new Observations();
        for (Observations from : List.of(this, other)) {
            from.byTier.forEach((t, qs) -> o.byTier.computeIfAbsent(t, k -> new ArrayList<>()).addAll(qs));
            o.notes.addAll(from.notes);
        }
        return o;
    }

    public boolean isEmpty() { return byTier.isEmpty(); }

    public Set<String> tiers() { return byTier.keySet(); }

    public List<String> notes() { return List.copyOf(notes); }

    public Optional<TierObservation> of(String tier) {
        List<ObservedQuery> qs = byTier.get(tier);
        if (qs == null || qs.isEmpty()) return Optional.empty();
        double in = qs.stream().mapToDouble(ObservedQuery::inputTokens).average().orElseThrow();
        double out = qs.stream().mapToDouble(ObservedQuery::outputTokens).average().orElseThrow();
        double[] seconds = qs.stream().map(ObservedQuery::latencyMs).filter(OptionalDouble::isPresent)
                .mapToDouble(l -> l.getAsDouble() / 1000).toArray();
        Optional<Latency> latency = seconds.length == 0 ? Optional.empty()
                : Optional.of(new Latency(seconds.length, Quantiles.quantile(seconds, 0.5), Quantiles.quantile(seconds, 0.95)));
        Set<String> sources = new LinkedHashSet<>();
        qs.forEach(q -> sources.add(q.source()));
        return Optional.of(new TierObservation(tier, qs.size(), in, out, latency, List.copyOf(sources)));
    }
}
