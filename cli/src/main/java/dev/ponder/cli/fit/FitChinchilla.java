package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.CsvTable;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.fit.Chinchilla;
import dev.ponder.stats.fit.ChinchillaBootstrap;
import dev.ponder.stats.fit.ChinchillaFit;
import dev.ponder.stats.fit.ChinchillaLaw;
import dev.ponder.stats.interval.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder fit chinchilla}: L(N, D) = E + A/N^alpha + B/D^beta, fitted as in Epoch AI's replication. */
@Command(name = "chinchilla", mixinStandardHelpOptions = true,
        description = "Fit L(N,D) = E + A/N^alpha + B/D^beta (Huber on log loss, grid of starts) with bootstrap intervals.")
public final class FitChinchilla implements Callable<Integer> {
    static final double[] BUDGETS = {1e21, 1e22, 1e23, 1e24, 1e25};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV with one row per training run")
    Path data;

    @Option(names = "--exclude-flag", description = "boolean column: rows where it is true are left out (and counted)")
    Optional<String> excludeFlag;

    @Option(names = "--predict", description = "CSV of (N, D) rows to predict the loss for, with an interval")
    Optional<Path> predict;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap refits for standard errors (default ${DEFAULT-VALUE})")
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
        dev.ponder.cli.io.Checks.between("--bootstrap", bootstrap, 1, 100_000);
        CsvTable table = CsvTable.read(data);
        int ni = table.column(nColumn), di = table.column(dColumn), li = table.column(lossColumn);
        Optional<Integer> flag = excludeFlag.map(table::column);
        List<double[]> kept = new ArrayList<>();
        int excluded = 0;
        for (CsvTable.Row row : table.rows()) {
            if (flag.isPresent() && table.flag(row, flag.get())) {
                excluded++;
                continue;
            }
            kept.add(new double[] {positive(table, row, ni), positive(table, row, di), positive(table, row, li)});
        }
        double[] n = kept.stream().mapToDouble(r -> r[0]).toArray();
        double[] d = kept.stream().mapToDouble(r -> r[1]).toArray();
        double[] l = kept.stream().mapToDouble(r -> r[2]).toArray();
        ChinchillaFit fit = Chinchilla.fit(n, d, l);
        ChinchillaBootstrap bs = ChinchillaBootstrap.run(n, d, l, fit, bootstrap, 0.95,
                RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        List<double[]> targets = predict.map(this::predictionRows).orElse(List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) JsonOut.print(out, toJson(fit, bs, excluded, targets));
        else printText(out, fit, bs, excluded, targets);
        return 0;
    }

    private List<double[]> predictionRows(Path file) {
        CsvTable t = CsvTable.read(file);
        int ni = t.column(nColumn), di = t.column(dColumn);
        return t.rows().stream().map(r -> new double[] {positive(t, r, ni), positive(t, r, di)}).toList();
    }

    private static double positive(CsvTable t, CsvTable.Row row, int col) {
        double v = t.number(row, col);
        if (!(v > 0)) {
            throw new IllegalArgumentException(t.file() + ":" + row.line() + ": column \"" + t.header().get(col)
                    + "\" must be > 0, was " + v);
        }
        return v;
    }

    private ObjectNode toJson(ChinchillaFit fit, ChinchillaBootstrap bs, int excluded, List<double[]> targets) {
        ObjectNode root = JsonOut.object();
        root.put("points", fit.points());
        root.put("excluded", excluded);
        Map<String, Estimate> est = bs.parameters();
        ObjectNode params = root.putObject("params");
        ObjectNode stderr = root.putObject("stderr");
        ObjectNode ci = root.putObject("ci95");
        est.forEach((k, e) -> {
            params.put(k, e.value());
            stderr.put(k, e.stderr());
            ci.set(k, JsonOut.pair(e.low(), e.high()));
        });
        ObjectNode gof = root.putObject("goodness");
        gof.put("r2", fit.goodness().rSquared());
        gof.put("rmse", fit.goodness().rmse());
        gof.put("huber_objective", fit.objective());
        ArrayNode residuals = root.putArray("residuals");
        for (double r : fit.goodness().residuals()) residuals.add(r);
        ArrayNode optimal = root.putArray("optimal");
        for (double c : BUDGETS) {
            ChinchillaLaw.Allocation a = fit.law().optimal(c);
            Interval nI = bs.of(l -> l.optimal(c).params()).interval();
            Interval tpp = bs.of(l -> l.optimal(c).tokensPerParam()).interval();
            ObjectNode o = optimal.addObject();
            o.put("C_flops", c);
            o.put("N_params", a.params());
            o.put("D_tokens", a.tokens());
            o.put("tokens_per_param", a.tokensPerParam());
            o.put("loss", a.loss());
            o.set("N_params_ci95", JsonOut.pair(nI.low(), nI.high()));
            o.set("tokens_per_param_ci95", JsonOut.pair(tpp.low(), tpp.high()));
        }
        ArrayNode preds = root.putArray("predictions");
        for (double[] t : targets) {
            Interval p = bs.predict(t[0], t[1]);
            ObjectNode o = preds.addObject();
            o.put("N_params", t[0]);
            o.put("D_tokens", t[1]);
            o.put("loss", fit.law().loss(t[0], t[1]));
            o.put("lo", p.low());
            o.put("hi", p.high());
        }
        root.put("bootstrap", bs.replicates().size());
        root.put("seed", seed);
        root.put("method", "Huber(delta=1e-3) on log loss, Epoch grid of starts, Levenberg-Marquardt; percentile bootstrap");
        return root;
    }

    private void printText(PrintWriter out, ChinchillaFit fit, ChinchillaBootstrap bs, int excluded, List<double[]> targets) {
        out.printf("Chinchilla fit  L(N,D) = E + A/N^alpha + B/D^beta  on %d points (%d excluded by %s)%n", fit.points(),
                excluded, excludeFlag.orElse("no flag"));
        out.printf("%-6s %12s %12s %26s %12s%n", "param", "value", "stderr", "95% interval", "Epoch");
        ChinchillaLaw ref = ChinchillaLaw.EPOCH;
        Map<String, Double> epoch = Map.of("E", ref.E(), "A", ref.A(), "B", ref.B(), "alpha", ref.alpha(), "beta", ref.beta());
        bs.parameters().forEach((k, e) -> out.printf("%-6s %12.5g %12.4g   [%10.5g, %10.5g] %12.5g%n", k, e.value(),
                e.stderr(), e.low(), e.high(), epoch.get(k)));
        out.printf("fit: R^2 %.4f, RMSE %.4g (loss units), Huber objective %.6g; %d bootstrap refits, seed %d%n",
                fit.goodness().rSquared(), fit.goodness().rmse(), fit.objective(), bs.replicates().size(), seed);
        out.println();
        out.printf("%-10s %14s %14s %12s %8s%n", "C (FLOPs)", "N_opt", "D_opt", "tokens/param", "loss");
        for (double c : BUDGETS) {
            ChinchillaLaw.Allocation a = fit.law().optimal(c);
            Interval tpp = bs.of(l -> l.optimal(c).tokensPerParam()).interval();
            out.printf("%-10.0e %14.4g %14.4g %5.1f [%.1f, %.1f] %8.4f%n", c, a.params(), a.tokens(), a.tokensPerParam(),
                    tpp.low(), tpp.high(), a.loss());
        }
        if (!targets.isEmpty()) {
            out.println();
            out.printf("%-14s %-14s %10s %22s%n", "N_params", "D_tokens", "loss", "95% interval");
            for (double[] t : targets) {
                Interval p = bs.predict(t[0], t[1]);
                out.printf("%-14.4g %-14.4g %10.4f   [%8.4f, %8.4f]%n", t[0], t[1], fit.law().loss(t[0], t[1]), p.low(), p.high());
            }
        }
        out.flush();
    }
}
