package dev.ponder.cli.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.Bars;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.stats.estimate.MajorityVote;
import dev.ponder.stats.estimate.PassAtK;
import dev.ponder.stats.fit.Curve;
import dev.ponder.stats.plan.SamplesToTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder plan samples}: the fewest samples per problem (and dollars) for each strategy to reach a target. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        description = "Fewest samples per problem for best-of (perfect verifier) and majority vote to reach --target accuracy.")
final class PlanSamples implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bank", required = true, description = "sample bank folder")
    Path bank;

    @Option(names = "--target", required = true, description = "target accuracy in (0,1)")
    double target;

    @Option(names = "--bootstrap", defaultValue = "500", description = "bootstrap resamples over problems (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--trials", defaultValue = "200", description = "random subsets per problem and k for vote@k (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--quiet", description = "no progress bar (there is none when stderr is not a terminal)")
    boolean quiet;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        if (!(target > 0 && target < 1)) throw new IllegalArgumentException("--target must be in (0,1), was " + target);
        FlagChecks.between("--bootstrap", bootstrap, 1, 100_000);
        FlagChecks.between("--trials", trials, 1, 100_000);
        Bank b = BankReader.read(bank);
        List<List<RecordedSample>> problems = new ArrayList<>();
        for (Problem p : b.problems()) if (!b.samplesOf(p.id()).isEmpty()) problems.add(b.samplesOf(p.id()));
        if (problems.isEmpty()) throw new PonderException(PonderException.Kind.INVALID_INPUT, "bank " + bank + " has no samples");
        int n = problems.stream().mapToInt(List::size).min().orElseThrow();
        int[] ks = grid(n);
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[][] best = new double[problems.size()][ks.length];
        double[][] vote = new double[problems.size()][ks.length];
        double cost = 0;
        long costed = 0;
        var bar = Bars.open("problems", problems.size(), quiet || json);
        for (int i = 0; i < problems.size(); i++) {
            bar.step();
            List<RecordedSample> s = problems.get(i).subList(0, n);
            int c = (int) s.stream().filter(RecordedSample::correct).count();
            List<MajorityVote.Vote> votes = s.stream().map(r -> new MajorityVote.Vote(r.answer(), r.correct())).toList();
            for (int j = 0; j < ks.length; j++) {
                best[i][j] = PassAtK.passAtK(n, c, ks[j]);
                vote[i][j] = MajorityVote.accuracyAtK(votes, ks[j], trials, rng);
            }
            for (RecordedSample r : s) if (r.costUsd().isPresent()) {
                cost += r.costUsd().get();
                costed++;
            }
        }
        bar.close();
        double perSample = costed == 0 ? Double.NaN : cost / costed;
        Map<String, SamplesToTarget> plans = new LinkedHashMap<>();
        plans.put("best-of (perfect verifier)", SamplesToTarget.plan(SamplesToTarget.Shape.COVERAGE, ks, best, target, bootstrap, 0.95, rng));
        plans.put("vote", SamplesToTarget.plan(SamplesToTarget.Shape.PLATEAU, ks, vote, target, bootstrap, 0.95, rng));
        PrintWriter out = spec.commandLine().getOut();
        if (json) JsonOut.print(out, toJson(b, problems.size(), n, perSample, plans));
        else printText(out, b, problems.size(), n, perSample, plans);
        return 0;
    }

    static int[] grid(int n) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k <= n; k = k < 8 ? k + 1 : (int) Math.ceil(k * 1.25)) ks.add(k);
        if (ks.get(ks.size() - 1) != n) ks.add(n);
        if (ks.size() < 3) throw new IllegalArgumentException("a bank needs at least 3 samples per problem to fit a curve, has " + n);
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }

    private ObjectNode toJson(Bank b, int problems, int n, double perSample, Map<String, SamplesToTarget> plans) {
        ObjectNode root = JsonOut.object();
        root.put("bank", b.name());
        root.put("problems", problems);
        root.put("samples_per_problem", n);
        root.put("target", target);
        if (!Double.isNaN(perSample)) root.put("cost_per_sample", perSample);
        ArrayNode arr = root.putArray("strategies");
        plans.forEach((name, p) -> {
            ObjectNode o = arr.addObject();
            o.put("strategy", name);
            o.put("reachable", p.reachable());
            if (p.reachable()) {
                o.put("samples", (long) p.kNeeded());
                if (!Double.isNaN(perSample)) {
                    o.put("dollars_per_problem", p.kNeeded() * perSample);
                    o.put("dollars_total", p.kNeeded() * perSample * problems);
                }
            } else {
                o.putNull("samples");
            }
            putK(o, "samples_lo", p.kInterval().low());
            putK(o, "samples_hi", p.kInterval().high());
            o.put("ceiling", p.ceiling());
            o.set("ceiling_ci95", JsonOut.pair(p.ceilingInterval().low(), p.ceilingInterval().high()));
            if (p.observedK().isPresent()) o.put("observed_samples", p.observedK().getAsInt()); else o.putNull("observed_samples");
            ObjectNode f = o.putObject("fit");
            f.put("law", p.fit().curve() instanceof Curve.PowerLawOffset ? "1 - acc(k) = E + A k^(-alpha)" : "log acc(k) = a k^b");
            p.fit().curve().parameters().forEach(f::put);
            f.put("r2", p.fit().goodness().rSquared());
            f.put("rmse", p.fit().goodness().rmse());
            ArrayNode res = f.putArray("residuals");
            for (double r : p.fit().goodness().residuals()) res.add(r);
            ArrayNode curve = o.putArray("curve");
            for (int j = 0; j < p.ks().length; j++) {
                ObjectNode pt = curve.addObject();
                pt.put("k", p.ks()[j]);
                pt.put("accuracy", p.curve()[j]);
            }
        });
        root.put("bootstrap", bootstrap);
        root.put("seed", seed);
        return root;
    }

    private static void putK(ObjectNode o, String field, double k) {
        if (k >= SamplesToTarget.UNREACHABLE) o.putNull(field); else o.put(field, k);
    }

    private static String describe(Curve c) {
        return switch (c) {
            case Curve.PowerLawOffset l -> String.format("1-acc = %.3f + %.3f k^-%.3f", l.E(), l.A(), l.alpha());
            case Curve.ExpPowerLaw l -> String.format("log acc = %.3f k^%.3f", l.a(), l.b());
            default -> c.formula();
        };
    }

    private static String k(double k) { return k >= SamplesToTarget.UNREACHABLE ? "unreachable" : String.format("%.0f", k); }

    private void printText(PrintWriter out, Bank b, int problems, int n, double perSample, Map<String, SamplesToTarget> plans) {
        out.printf("samples to reach accuracy %.3f on %s: %d problems x %d samples%s%n", target, b.name(), problems, n,
                Double.isNaN(perSample) ? "" : String.format(", $%.6f per sample", perSample));
        plans.forEach((name, p) -> {
            out.printf("%-27s acc@1 %.3f, acc@%d %.3f; fit %s (R^2 %.3f); ceiling %.3f [%.3f, %.3f]%n",
                    name, p.curve()[0], n, p.curve()[p.curve().length - 1], describe(p.fit().curve()),
                    p.fit().goodness().rSquared(), p.ceiling(), p.ceilingInterval().low(), p.ceilingInterval().high());
            if (p.reachable()) {
                out.printf("%-27s -> %s samples per problem [95%%: %s, %s]%s%s%n", "", k(p.kNeeded()), k(p.kInterval().low()),
                        k(p.kInterval().high()), Double.isNaN(perSample) ? ""
                                : String.format(", $%.4f per problem, $%.2f for all %d", p.kNeeded() * perSample,
                                        p.kNeeded() * perSample * problems, problems),
                        p.observedK().isPresent() ? " (measured curve first reaches it at k=" + p.observedK().getAsInt() + ")" : "");
            } else {
                out.printf("%-27s -> not reachable: the fitted curve's ceiling is %.3f%n", "", p.ceiling());
            }
        });
        out.flush();
    }
}
