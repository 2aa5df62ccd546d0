package dev.ponder.cli.fit;

import dev.ponder.cli.io.CsvTable;
import dev.ponder.cli.io.RowFilter;
import dev.ponder.core.error.PonderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Training runs read from a CSV (one row per run: parameters N, tokens D and, where the file has it, the loss), with
 * the rows that {@link RowFilter}s drop counted. Every value must be a number > 0; errors name file:line and column.
 */
record Runs(Path file, List<Run> kept, int filtered) {
    /** One run and the line it came from. */
    record Run(double n, double d, OptionalDouble loss, long line) {}

    /** Column names, as the {@code --n-column}, {@code --d-column}, {@code --loss-column} options give them. */
    record Columns(String n, String d, String loss) {}

    Runs {
        kept = List.copyOf(kept);
    }

    /** Reads runs; {@code lossRequired} makes a missing loss column or cell an error, otherwise losses are read where present. */
    static Runs read(Path file, Columns columns, List<RowFilter> filters, boolean lossRequired) {
        CsvTable t = CsvTable.read(file);
        int ni = t.column(columns.n()), di = t.column(columns.d());
        Optional<Integer> li = lossRequired ? Optional.of(t.column(columns.loss())) : t.findColumn(columns.loss());
        List<Run> kept = new ArrayList<>();
        int filtered = 0;
        for (CsvTable.Row row : t.rows()) {
            if (!filters.stream().allMatch(f -> f.keep(t, row))) {
                filtered++;
                continue;
            }
            OptionalDouble loss = li.filter(c -> lossRequired || !t.text(row, c).isBlank())
                    .map(c -> OptionalDouble.of(positive(t, row, c))).orElse(OptionalDouble.empty());
            kept.add(new Run(positive(t, row, ni), positive(t, row, di), loss, row.line()));
        }
        return new Runs(file, kept, filtered);
    }

    double[] n() { return kept.stream().mapToDouble(Run::n).toArray(); }

    double[] d() { return kept.stream().mapToDouble(Run::d).toArray(); }

    /** Losses; only for runs read with a loss. */
    double[] loss() { return kept.stream().mapToDouble(r -> r.loss().orElseThrow()).toArray(); }

    private static double positive(CsvTable t, CsvTable.Row row, int col) {
        double v = t.number(row, col);
        if (!(v > 0)) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, t.file() + ":" + row.line() + ": column \""
                    + t.header().get(col) + "\" must be > 0, was " + v);
        }
        return v;
    }
}
