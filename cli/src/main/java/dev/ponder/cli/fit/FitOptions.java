package dev.ponder.cli.fit;

import dev.ponder.cli.io.RowFilter;
import dev.ponder.core.error.PonderException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine.Option;

/**
 * The options of the loss-law fits ({@code fit chinchilla}, {@code fit overtrain}): the runs CSV and the rows to
 * predict, their column names, a bounded number of seeded bootstrap refits, and JSON output.
 */
final class FitOptions {
    /** The most refits a fit runs: every refit's law is kept, so an unbounded count would run out of memory. */
    static final int BOOTSTRAP_LIMIT = 100_000;

    @Option(names = "--data", required = true, paramLabel = "CSV", description = "CSV with one row per training run")
    Path data;

    @Option(names = "--predict", paramLabel = "CSV", description = "CSV of (N, D) rows to predict the loss for, with an interval")
    Optional<Path> predict = Optional.empty();

    @Option(names = "--n-column", defaultValue = "N_params", description = "parameters column (default ${DEFAULT-VALUE})")
    String n;

    @Option(names = "--d-column", defaultValue = "D_tokens", description = "training tokens column (default ${DEFAULT-VALUE})")
    String d;

    @Option(names = "--loss-column", defaultValue = "loss", description = "loss column (default ${DEFAULT-VALUE})")
    String loss;

    @Option(names = "--exclude-flag", paramLabel = "COLUMN", description = "boolean column: rows where it is true are left out (and counted)")
    Optional<String> excludeFlag = Optional.empty();

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B",
            description = "bootstrap refits for standard errors and intervals, 1 to " + BOOTSTRAP_LIMIT + " (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    Runs.Columns columns() { return new Runs.Columns(n, d, loss); }

    /** The --exclude-flag filter, when given. */
    List<RowFilter> excluded() { return excludeFlag.map(f -> List.<RowFilter>of(RowFilter.notFlagged(f))).orElse(List.of()); }

    /** The number of refits, refused with the limit when out of range. */
    int refits() {
        if (bootstrap < 1 || bootstrap > BOOTSTRAP_LIMIT) {
            throw PonderException.invalid("--bootstrap must be between 1 and %d, was %d", BOOTSTRAP_LIMIT, bootstrap);
        }
        return bootstrap;
    }

    RandomGenerator rng() { return RandomGeneratorFactory.of("L64X128MixRandom").create(seed); }
}
