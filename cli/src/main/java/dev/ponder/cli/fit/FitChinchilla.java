package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.fit.Chinchilla;
import dev.ponder.stats.fit.ChinchillaBootstrap;
import dev.ponder.stats.fit.ChinchillaFit;
import dev.ponder.stats.fit.ChinchillaLaw;
import dev.ponder.stats.fit.Goodness;
import dev.ponder.stats.interval.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder fit chinchilla}: L(N, D) = E + A/N^alpha + B/D^beta, fitted as in Epoch AI's replication. */
@Command(name = "chinchilla", mixinStandardHelpOptions = true,
        description = "Fit L(N,D) = E + A/N^alpha + B/D^beta (Huber on log loss, grid of starts) with bootstrap intervals.")
final class FitChinchilla implements Callable<Integer> {
    static final double[] BUDGETS = {1e21, 1e22, 1e23, 1e24, 1e25};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    FitOptions options;

    @Override
    public Integer call() {
        int bootstrap = options.refits();
        Runs kept = Runs.read(options.data, options.columns(), options.excluded(), true);
        int excluded = kept.filtered();
        double[] n = kept.n(), d = kept.d(), l = kept.loss();
        ChinchillaFit fit = Chinchilla.fit(n, d, l);
        ChinchillaBootstrap bs = ChinchillaBootstrap.run(n, d, l, fit, bootstrap, 0.95, options.rng());
        List<double[]> targets = options.predict.map(p -> Runs.read(p, options.columns(), List.of(), false).kept().stream()
                .map(r -> new double[] {r.n(), r.d()}).toList()).orElse(List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) JsonOut.print(out, toJson(fit, bs, excluded, targets));
        else printText(out, fit, bs, excluded, targets);
        return 0;
    }

    private ObjectNode toJson(ChinchillaFit fit, ChinchillaBootstrap bs, int excluded, List<double[]> targets) {
        ObjectNode root = JsonOut.object();
        root.put("points", fit.points());
        root.put("excluded", excluded);
        putEstimates(root, bs.parameters());
        putGoodness(root, fit.goodness(), "huber_objective", fit.objective());
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
        root.put("seed", options.seed);
        root.put("method", "Huber(delta=1e-3) on log loss, Epoch grid of starts, Levenberg-Marquardt; percentile bootstrap");
        return root;
    }

    /** {@code params}, {@code stderr} and {@code ci95} objects keyed by parameter name. */
    static void putEstimates(ObjectNode root, Map<String, Estimate> estimates) {
        ObjectNode params = root.putObject("params");
        ObjectNode stderr = root.putObject("stderr");
        ObjectNode ci = root.putObject("ci95");
        estimates.forEach((k, e) -> {
            params.put(k, e.value());
            stderr.put(k, e.stderr());
            ci.set(k, JsonOut.pair(e.low(), e.high()));
        });
    }

    /** {@code goodness} (R^2, RMSE and the minimised objective under its name) and the fit's {@code residuals}. */
    static void putGoodness(ObjectNode root, Goodness goodness, String objective, double value) {
        ObjectNode gof = root.putObject("goodness");
        gof.put("r2", goodness.rSquared());
        gof.put("rmse", goodness.rmse());
        gof.put(objective, value);
        ArrayNode residuals = root.putArray("residuals");
        for (double r : goodness.residuals()) residuals.add(r);
    }

    private void printText(PrintWriter out, ChinchillaFit fit, ChinchillaBootstrap bs, int excluded, List<double[]> targets) {
        out.printf("Chinchilla fit  L(N,D) = E + A/N^alpha + B/D^beta  on %d points (%d excluded by %s)%n", fit.points(),
                excluded, options.excludeFlag.orElse("no flag"));
        out.printf("%-6s %12s %12s %26s %12s%n", "param", "value", "stderr", "95% interval", "Epoch");
        ChinchillaLaw ref = ChinchillaLaw.EPOCH;
        Map<String, Double> epoch = Map.of("E", ref.E(), "A", ref.A(), "B", ref.B(), "alpha", ref.alpha(), "beta", ref.beta());
        bs.parameters().forEach((k, e) -> out.printf("%-6s %12.5g %12.4g   [%10.5g, %10.5g] %12.5g%n", k, e.value(),
                e.stderr(), e.low(), e.high(), epoch.get(k)));
        out.printf("fit: R^2 %.4f, RMSE %.4g (loss units), Huber objective %.6g; %d bootstrap refits, seed %d%n",
                fit.goodness().rSquared(), fit.goodness().rmse(), fit.objective(), bs.replicates().size(), options.seed);
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
