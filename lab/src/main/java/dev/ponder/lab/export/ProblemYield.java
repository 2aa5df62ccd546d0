package dev.ponder.lab.export;

import dev.ponder.core.model.Problem;
import java.util.List;

/**
 * One problem's part in an export: its samples, how many were judged and accepted, the distinct accepted
 * completions, those kept (at most {@code --max-per-problem}) and its preference pairs.
 */
record ProblemYield(String source, Problem problem, int samples, int judged, int accepted, int distinct,
                           List<Example> kept, List<Pair> pairs) {
    public ProblemYield {
        kept = List.copyOf(kept);
        pairs = List.copyOf(pairs);
    }

    String key() { return source + "\u0000" + problem.id(); }
}
