package dev.ponder.cli.fit;

import dev.ponder.cli.io.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of an outcome table (format of shared/data/router_pricing_reversal/outcomes.csv): a model's score on a
 * query, its cost and its thinking tokens (absent when the provider does not report them).
 */
record OutcomeRow(String dataset, String query, String model, double score, Optional<Double> costUsd,
               Optional<Double> thinkingTokens) {

    /** The rows of an outcome table, and how many rows had no score (skipped). */
    record Table(List<OutcomeRow> rows, int unscored) {}

    /** Reads {@code outcomes.csv} from a folder (or the given file). Required columns: model, score. */
    static Table read(Path outcomes) {
        Path file = Files.isDirectory(outcomes) ? outcomes.resolve("outcomes.csv") : outcomes;
        CsvTable t = CsvTable.read(file);
        int model = t.column("model"), score = t.column("score");
        Optional<Integer> dataset = t.findColumn("dataset"), query = t.findColumn("query_id");
        Optional<Integer> cost = t.findColumn("cost_usd"), thinking = t.findColumn("thinking_tokens");
        List<OutcomeRow> out = new ArrayList<>();
        int unscored = 0;
        for (CsvTable.Row r : t.rows()) {
            if (t.text(r, score).isBlank()) {
                unscored++;
                continue;
            }
            double s = t.number(r, score);
            if (s < 0 || s > 1) throw new IllegalArgumentException(file + ":" + r.line() + ": column \"score\" must be in [0,1], was " + s);
            out.add(new OutcomeRow(dataset.map(i -> t.text(r, i)).orElse("all"), query.map(i -> t.text(r, i)).orElse(""),
                    t.text(r, model), s, cost.flatMap(i -> t.optionalNumber(r, i)), thinking.flatMap(i -> t.optionalNumber(r, i))));
        }
        return new Table(out, unscored);
    }
}
