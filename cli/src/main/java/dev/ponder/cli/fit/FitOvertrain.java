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
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder fit overtrain}: the over-training law of Gadre et al. 2024, fitted on small runs, predicting large ones. */
@Command(name = "overtrain", mixinStandardHelpOptions = true,
        description = "Fit L(C,M) = E + (a M^eta + b M^-eta) C^-eta (C = 6ND, M = D/N; Gadre et al. 2024) on small runs, "
                + "predict larger ones with bootstrap intervals, and compare with the Chinchilla form.")
final class FitOvertrain implements Callable<Integer> {
    enum Selection { paper, all }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "paper", description = "which rows to fit: ${COMPLETION-CANDIDATES}; paper = "
            + "M = 20 at every size and M = 320 at the smallest, as Gadre et al. (default ${DEFAULT-VALUE})")
    Selection runs;

    @Option(names = "--where", paramLabel = "COLUMN=VALUE", description = "keep --data rows that match (also !=, <, <=, >, >=); repeatable")
    List<String> where = new ArrayList<>();

    @Option(names = "--max-params", paramLabel = "N", description = "keep --data rows with at most N parameters")
    Optional<Double> maxParams;

    @Option(names = "--predict-where", paramLabel = "COLUMN=VALUE", description = "keep --predict rows that match; repeatable")
    List<String> predictWhere = new ArrayList<>();

    @CommandLine.Mixin
    FitOptions options;

    @Override
    public Integer call() {
        int bootstrap = options.refits();
        Runs.Columns columns = options.columns();
        List<RowFilter> filters = new ArrayList<>(where.stream().map(w -> RowFilter.parse(w, "--where")).toList());
        maxParams.ifPresent(m -> filters.add(RowFilter.parse(columns.n() + "<=" + m, "--max-params")));
        filters.addAll(options.excluded());
        List<RowFilter> predictFilters = predictWhere.stream().map(w -> RowFilter.parse(w, "--predict-where")).toList();
        Runs runsRead = Runs.read(options.data, columns, filters, true);
        Optional<Runs> targets = options.predict.map(p -> Runs.read(p, columns, predictFilters, false));
        double[] n = runsRead.n(), d = runsRead.d(), loss = runsRead.loss();
        int[] fitted = select(n, d);
        OvertrainFit fit;
        OvertrainBootstrap bs;
        try {
            fit = Overtrain.fit(pick(n, fitted), pick(d, fitted), pick(loss, fitted));
            bs = OvertrainBootstrap.run(n, d, loss, fitted, fit, bootstrap, 0.95, options.rng());
        } catch (NotConvergedException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "the over-training fit did not converge on " + fitted.length
                    + " runs of " + options.data + ": " + e.getMessage() + "; no prediction made");
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s: %s", options.data, e.getMessage());
        }
        var chinchilla = targets.filter(t -> t.kept().stream().anyMatch(r -> r.loss().isPresent())).map(t -> Chinchilla.fit(n, d, loss).law());
        OvertrainReport report = new OvertrainReport(runsRead, fitted, runs.name(), fit, bs, targets, chinchilla, options.seed);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) JsonOut.print(out, report.json());
        else report.print(out);
        return 0;
    }

    private int[] select(double[] n, double[] d) {
        if (n.length == 0) {
            throw PonderException.invalid("%s: no rows left to fit after --where/--max-params/--exclude-flag", options.data);
        }
        return switch (runs) {
            case all -> IntStream.range(0, n.length).toArray();
            case paper -> {
                try {
                    yield Overtrain.paperRuns(n, d);
                } catch (IllegalArgumentException e) {
                    throw PonderException.invalid("%s, --runs paper: %s (--runs all fits every row)", options.data, e.getMessage());
                }
            }
        };
    }

    static double[] pick(double[] v, int[] idx) {
        return IntStream.of(idx).mapToDouble(i -> v[i]).toArray();
    }
}
