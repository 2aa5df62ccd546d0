package dev.ponder.lab.outcome;

import dev.ponder.core.error.PonderException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The accepted names of each column; the first present wins. Documented in docs/router.md. */
final class Columns {
    static final List<String> ID = List.of("query_id", "sample_id", "problem_id", "id");
    static final List<String> GROUP = List.of("dataset", "task", "eval_name", "group");
    static final List<String> MODEL = List.of("model");
    static final List<String> STRATEGY = List.of("strategy");
    static final List<String> SCORE = List.of("score", "performance", "pass_rate", "correct");
    static final List<String> COST = List.of("cost_usd", "total_cost_usd", "cost");
    static final List<String> TEXT = List.of("question", "prompt", "text", "query");

    private Columns() {}

    static Optional<String> find(Collection<String> header, List<String> names) {
        return names.stream().filter(header::contains).findFirst();
    }

    static String require(Collection<String> header, List<String> names, Path file) {
        return find(header, names).orElseThrow(() -> PonderException.invalid(
                "%s: missing column %s (accepted names: %s; found: %s)", file, names.getFirst(), String.join(", ", names), String.join(", ", header)));
    }
}
