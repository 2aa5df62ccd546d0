package dev.ponder.lab.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups labelled samples by problem (source and id, across configurations), drops identical completions (equal
 * after trimming surrounding whitespace; the first occurrence is kept, in configuration order then draw order),
 * keeps the first {@code maxPerProblem} distinct accepted ones, and pairs the i-th kept one with the i-th distinct
 * rejected completion of the same problem (one that is never accepted there).
 */
final class Selection {
    private Selection() {}

    private static final class Tally {
        final Group first;
        int samples, judged, accepted;
        final Set<String> acceptedTexts = new HashSet<>();
        final List<Example> distinct = new ArrayList<>();
        final Map<String, Example> rejected = new LinkedHashMap<>();

        Tally(Group first) { this.first = first; }
    }

    /** {@code labels}: one list per group, one label per draw. */
    static List<ProblemYield> select(List<Group> groups, List<List<Label>> labels, Optional<Integer> maxPerProblem) {
        Map<String, Tally> byProblem = new LinkedHashMap<>();
        for (int j = 0; j < groups.size(); j++) {
            Group g = groups.get(j);
            Tally t = byProblem.computeIfAbsent(g.problemKey(), k -> new Tally(g));
            List<Label> ls = labels.get(j);
            for (int i = 0; i < ls.size(); i++) {
                Draw d = g.draws().get(i);
                Label l = ls.get(i);
                t.samples++;
                if (l == Label.UNJUDGED) continue;
                t.judged++;
                String text = d.text().strip();
                if (l == Label.ACCEPTED) t.accepted++;
                if (text.isEmpty()) continue;
                Example e = new Example(g.origin(), g.problem(), d);
                if (l == Label.ACCEPTED && t.acceptedTexts.add(text)) t.distinct.add(e);
                if (l == Label.REJECTED) t.rejected.putIfAbsent(text, e);
            }
        }
        List<ProblemYield> out = new ArrayList<>();
        for (Tally t : byProblem.values()) {
            List<Example> kept = t.distinct.subList(0, Math.min(t.distinct.size(), maxPerProblem.orElse(Integer.MAX_VALUE)));
            List<Example> losers = t.rejected.entrySet().stream().filter(e -> !t.acceptedTexts.contains(e.getKey())).map(Map.Entry::getValue).toList();
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < Math.min(kept.size(), losers.size()); i++) pairs.add(new Pair(kept.get(i), losers.get(i)));
            out.add(new ProblemYield(t.first.origin().source(), t.first.problem(), t.samples, t.judged, t.accepted, t.distinct.size(), kept, pairs));
        }
        return out;
    }
}
