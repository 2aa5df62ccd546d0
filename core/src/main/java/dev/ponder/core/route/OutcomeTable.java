package dev.ponder.core.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per query, each tier's score (1/0 correctness or a pass rate in [0, 1]) and cost. {@code NaN} marks a tier
 * without an outcome for that query. This is what predictors learn from and what evaluation scores.
 */
public record OutcomeTable(List<Tier> tiers, List<Row> rows) {

    /** One query: id, text (possibly empty), and per-tier score and cost arrays in {@link #tiers()} order. */
    public record Row(String id, String text, double[] scores, double[] costs) {
        public Row {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("query id must not be blank");
            if (text == null) throw new IllegalArgumentException("query text must not be null (query " + id + "); use \"\"");
            if (scores.length != costs.length) throw new IllegalArgumentException("query " + id + ": scores and costs differ in length");
            for (int t = 0; t < scores.length; t++) {
                if (!Double.isNaN(scores[t]) && !(scores[t] >= 0 && scores[t] <= 1))
                    throw new IllegalArgumentException("query " + id + ": score must be in [0, 1], was " + scores[t]);
                if (!Double.isNaN(costs[t]) && !(costs[t] >= 0)) throw new IllegalArgumentException("query " + id + ": cost must be >= 0, was " + costs[t]);
            }
        }

        public boolean has(int tier) {
            return !Double.isNaN(scores[tier]) && !Double.isNaN(costs[tier]);
        }

        public boolean complete() {
            for (int t = 0; t < scores.length; t++) if (!has(t)) return false;
            return true;
        }
    }

    public OutcomeTable {
        tiers = List.copyOf(tiers);
        rows = List.copyOf(rows);
        if (tiers.isEmpty()) throw new IllegalArgumentException("an outcome table needs at least one tier");
        if (new HashSet<>(tiers).size() != tiers.size()) throw new IllegalArgumentException("duplicate tiers: " + tiers);
        Set<String> ids = new HashSet<>();
        for (Row r : rows) {
            if (r.scores().length != tiers.size()) throw new IllegalArgumentException("query " + r.id() + " has " + r.scores().length + " tiers, table has " + tiers.size());
            if (!ids.add(r.id())) throw new IllegalArgumentException("duplicate query id " + r.id());
        }
    }

    /** The rows whose ids are (keep = true) or are not (keep = false) in {@code ids}. */
    public OutcomeTable select(Set<String> ids, boolean keep) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) if (ids.contains(r.id()) == keep) out.add(r);
        return new OutcomeTable(tiers, out);
    }

    public OutcomeTable withRows(List<Row> subset) {
        return new OutcomeTable(tiers, subset);
    }
}
