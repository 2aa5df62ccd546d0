package dev.ponder.lab.outcome;

import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns the per-query sums into a table: drops thinly covered tiers, then incomplete queries. */
final class Coverage {
    private Coverage() {}

    static OutcomeTable assemble(Map<String, OutcomeReader.Acc> byQuery, List<Tier> tiers, List<String> notes) {
        int[] count = new int[tiers.size()];
        for (OutcomeReader.Acc a : byQuery.values()) for (int t : a.sums.keySet()) count[t]++;
        int max = Arrays.stream(count).max().orElse(0);
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            if (count[t] >= OutcomeReader.MIN_COVERAGE * max) kept.add(t);
            else notes.add("dropped tier " + tiers.get(t) + ": outcomes for " + count[t] + " of " + byQuery.size() + " queries");
        }
        List<OutcomeTable.Row> rows = new ArrayList<>();
        int incomplete = 0;
        for (Map.Entry<String, OutcomeReader.Acc> e : byQuery.entrySet()) {
            double[] s = new double[kept.size()], c = new double[kept.size()];
            boolean complete = true;
            for (int k = 0; k < kept.size(); k++) {
                double[] acc = e.getValue().sums.get(kept.get(k));
                if (acc == null) {
                    complete = false;
                    break;
                }
                s[k] = acc[0] / acc[2];
                c[k] = acc[1] / acc[2];
            }
            if (complete) rows.add(new OutcomeTable.Row(e.getKey(), e.getValue().text, s, c));
            else incomplete++;
        }
        if (incomplete > 0) notes.add("dropped " + incomplete + " queries lacking an outcome for some kept tier");
        return new OutcomeTable(kept.stream().map(tiers::get).toList(), rows);
    }
}
