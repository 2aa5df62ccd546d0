package dev.ponder.cli.fit;

import dev.ponder.cli.io.JsonOut;
import dev.ponder.cli.io.RowFilter;
import dev.ponder.core.error.PonderException;
import dev.ponder.stats.fit.Chinchilla;
import dev.ponder.stats.fit.NotConvergedException;
import dev.ponder.stats.fit.Overtrain;
import dev.ponder.stats.fit.OvertrainBootstrap;
import dev.ponder.stats.fit.OvertrainFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder fit overtrain}: the over-training law of Gadre et al. 2024, fitted on small runs, predicting large ones. */
@Command(name = "overtrain", mixinStandardHelpOptions = true,
        description = "Fit L(C,M) = E + (a M^eta + b M^-eta) C^-eta (C = 6ND, M = D/N; Gadre et al. 2024) on small runs, "
                + "predict larger ones with bootstrap intervals, and compare with the Chinchilla form.")
public final class FitOvertrain implements Callable<Integer> {
    enum Selection { paper, all }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV with one row per training run")
    Path data;

    @Option(names = "--predict", description = "CSV of (N, D) rows to predict; rows with a loss get their error and the MAPE")
    Optional<Path> predict;

    @Option(names = "--runs", defaultValue = "paper", description = "which rows to fit: ${COMPLETION-CANDIDATES}; paper = "
            + "M = 20 at every size and M = 320 at the smallest, as Gadre et al. (default ${DEFAULT-VALUE})")
    Selection runs;

    @Option(names = "--where", paramLabel = "COLUMN=VALUE", description = "keep --data rows that match (also !=, <, <=, >, >=); repeatable")
    List<String> where = new ArrayList<>();

    @Option(names = "--max-params", paramLabel = "N", description = "keep --data rows with at most N parameters")
    Optional<Double> maxParams;

    @Option(names = "--exclude-flag", description = "boolean column: --data rows where it is true are left out (and counted)")
    Optional<String> excludeFlag;

    @Option(names = "--predict-where", paramLabel = "COLUMN=VALUE", description = "keep --predict rows that match; repeatable")
    List<String> predictWhere = new ArrayList<>();

    @Option(names = "--bootstrap", defaultValue = "1000",
            description = "bootstrap refits for intervals, at most " + OvertrainBootstrap.MAX_RESAMPLES + " (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--n-column", defaultValue = "N_params", description = "parameters column (default ${DEFAULT-VALUE})")
    String nColumn;

    @Option(names = "--d-column", defaultValue = "D_tokens", description = "training tokens column (default ${DEFAULT-VALUE})")
    String dColumn;

    @Option(names = "--loss-column", defaultValue = "loss", description = "loss column (default ${DEFAULT-VALUE})")
    String lossColumn;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        if (bootstrap < 1 || bootstrap > OvertrainBootstrap.MAX_RESAMPLES) {
            throw PonderException.invalid("--bootstrap must be between 1 and %d, was %d", OvertrainBootstrap.MAX_RESAMPLES, bootstrap);
        }
        Runs.Columns columns = new Runs.Columns(nColumn, dColumn, lossColumn);
        List<RowFilter> filters = new ArrayList<>(where.stream().map(w -> RowFilter.parse(w, "--where")).toList());
        maxParams.ifPresent(m -> filters.add(RowFilter.parse(nColumn + "<=" + m, "--max-params")));
        excludeFlag.ifPresent(f -> filters.add(RowFilter.notFlagged(f)));
        List<RowFilter> predictFilters = predictWhere.stream().map(w -> RowFilter.parse(w, "--predict-where")).toList();
        Runs runsRead = Runs.read(data, columns, filters, true);
        Optional<Runs> targets = predict.map(p -> Runs.read(p, columns, predictFilters, false));
        double[] n = runsRead.n(), d = runsRead.d(), loss = runsRead.loss();
        int[] fitted = select(n, d);
        OvertrainFit fit;
        OvertrainBootstrap bs;
        try {
            fit = Overtrain.fit(pick(n, fitted), pick(d, fitted), pick(loss, fitted));
            bs = OvertrainBootstrap.run(n, d, loss, fitted, fit, bootstrap, 0.95,
                    RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        } catch (NotConvergedException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "the over-training fit did not converge on " + fitted.length
                    + " runs of " + data + ": " + e.getMessage() + "; no prediction made");
        }
        var chinchilla = targets.filter(Runs::haveLoss).map(t -> Chinchilla.fit(n, d, loss).law());
        OvertrainReport report = new OvertrainReport(runsRead, fitted, runs.name(), fit, bs, targets, chinchilla, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) JsonOut.print(out, report.json());
        else report.print(out);
        return 0;
    }

    private int[] select(double[] n, double[] d) {
        if (n.length == 0) {
            throw PonderException.invalid("%s: no rows left to fit after --where/--max-params/--exclude-flag", data);
        }
        return switch (runs) {
            case all -> IntStream.range(0, n.length).toArray();
            case paper -> {
                try {
                    yield Overtrain.paperRuns(n, d);
                } catch (IllegalArgumentException e) {
                    throw PonderException.invalid("%s, --runs paper: %s (--runs all fits every row)", data, e.getMessage());
                }
            }
        };
    }

    static double[] pick(double[] v, int[] idx) {
        return IntStream.of(idx).mapToDouble(i -> v[i]).toArray();
    }
}
