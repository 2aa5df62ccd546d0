package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.fit.CoverageFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder fit coverage}: pass@k for k = 1..N with intervals, the exponentiated power law and its extrapolation. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "pass@k (k = 1..N) of a sample bank with bootstrap intervals; fits log c(k) = a k^b and extrapolates.")
final class FitCoverage implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bank", required = true, description = "sample bank folder")
    Path bank;

    @Option(names = "--extrapolate", defaultValue = "10", description = "extrapolate the law to this many times N (default ${DEFAULT-VALUE})")
    int factor;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap resamples over problems (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        FlagChecks.between("--bootstrap", bootstrap, 1, 100_000);
        FlagChecks.between("--extrapolate", factor, 1, 1000);
        Bank b = BankReader.read(bank);
        BankCounts counts = BankCounts.of(b);
        int target = counts.minSamples() * factor;
        CoverageFit fit = CoverageFit.fit(counts.n(), counts.c(), target, bootstrap, 0.95,
                RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
        PrintWriter out = spec.commandLine().getOut();
        Warnings.print(spec.commandLine().getErr(), b.issues());
        if (json) JsonOut.print(out, toJson(b, counts, fit));
        else printText(out, b, counts, fit);
        return 0;
    }

    private ObjectNode toJson(Bank b, BankCounts counts, CoverageFit fit) {
        ObjectNode root = JsonOut.object();
        root.put("bank", b.name());
        root.put("model", b.model());
        root.put("problems", counts.problems());
        root.put("problems_without_samples", counts.withoutSamples());
        root.put("samples_per_problem", counts.minSamples());
        ArrayNode pts = root.putArray("pass_at_k");
        for (int k = 1; k <= fit.maxK(); k++) {
            Estimate e = fit.passAtK().get(k - 1);
            ObjectNode o = pts.addObject();
            o.put("k", k);
            o.put("value", e.value());
            o.put("lo", e.low());
            o.put("hi", e.high());
        }
        ObjectNode law = root.putObject("fit");
        law.put("law", fit.law().curve().formula());
        law.put("a", fit.law().curve().a());
        law.put("b", fit.law().curve().b());
        law.set("a_ci95", JsonOut.pair(fit.a().low(), fit.a().high()));
        law.set("b_ci95", JsonOut.pair(fit.b().low(), fit.b().high()));
        law.put("r2", fit.law().goodness().rSquared());
        law.put("rmse", fit.law().goodness().rmse());
        ArrayNode res = law.putArray("residuals");
        for (double r : fit.law().goodness().residuals()) res.add(r);
        ObjectNode ex = root.putObject("extrapolation");
        ex.put("k", fit.extrapolateTo());
        ex.put("value", fit.extrapolation().value());
        ex.put("lo", fit.extrapolation().low());
        ex.put("hi", fit.extrapolation().high());
        root.put("bootstrap", bootstrap);
        root.put("seed", seed);
        return root;
    }

    private void printText(PrintWriter out, Bank b, BankCounts counts, CoverageFit fit) {
        out.printf("coverage of %s (%s): %d problems x %d samples%s%n", b.name(), b.model(), counts.problems(),
                counts.minSamples(), counts.maxSamples() > counts.minSamples() ? " (up to " + counts.maxSamples() + ")" : "");
        out.printf("%6s %8s %20s %10s%n", "k", "pass@k", "95% interval", "law");
        for (int k = 1; k <= fit.maxK(); k++) {
            if (!shown(k, fit.maxK())) continue;
            Estimate e = fit.passAtK().get(k - 1);
            out.printf("%6d %8.4f   [%6.4f, %6.4f] %10.4f%n", k, e.value(), e.low(), e.high(), fit.law().curve().at(k));
        }
        var law = fit.law().curve();
        out.printf("law: log c(k) = a k^b, a = %.4f [%.4f, %.4f], b = %.4f [%.4f, %.4f]; R^2 %.4f, RMSE %.4f%n", law.a(),
                fit.a().low(), fit.a().high(), law.b(), fit.b().low(), fit.b().high(), fit.law().goodness().rSquared(),
                fit.law().goodness().rmse());
        out.printf("extrapolated pass@%d = %.4f [%.4f, %.4f] (95%%, %d bootstrap refits over problems, seed %d)%n",
                fit.extrapolateTo(), fit.extrapolation().value(), fit.extrapolation().low(), fit.extrapolation().high(),
                bootstrap, seed);
        out.flush();
    }

    private static boolean shown(int k, int max) {
        return k <= 5 || k == max || k == 8 || k == 10 || k == 16 || k == 20 || k == 32 || k == 50 || k == 64;
    }
}
