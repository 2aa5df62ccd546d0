package dev.ponder.cli.bench;

import dev.ponder.cli.Home;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.calibrate.Defaults;
import dev.ponder.core.calibrate.Risk;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.bench.BankBench;
import dev.ponder.lab.bench.BenchRow;
import dev.ponder.lab.bench.CrossFitBench;
import dev.ponder.lab.bench.Family;
import dev.ponder.lab.bench.NoisySweep;
import dev.ponder.lab.bench.StrategyBench;
import dev.ponder.lab.eval.LabSpecs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ponder bench strategies}: every strategy at several budgets on each bank, over seeded permutations. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {"For each bank: fixed-N voting and best-of-N, the published stopping rules (ESC, Adaptive-Consistency)",
                "and Ponder's adaptive rule, averaged over R seeded permutations of each problem's samples.",
                "Ends each bank with the efficiency line: samples Ponder's rule needs vs the best baseline at equal accuracy.",
                "With --cross-fit K: adaptive calibrated on K-1 folds of the problems and measured on the fold left out, rotating."})
final class StrategiesCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--bank", description = "bank folder (repeatable; default: the development banks)")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--strategy", description = "strategies to bench (repeatable; default: the standard set)")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--permutations", defaultValue = "20", description = "seeded permutations of each problem's samples (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--seed", defaultValue = "0", description = "first permutation's seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tolerance", defaultValue = "0.005", description = "accuracy within which a rule counts as matching the full vote (default ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--noisy-sweep", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "on Game of 24 banks, sweep verify@K against a noisy exact checker (default on)")
    boolean noisy;

    @Option(names = "--cross-fit", paramLabel = "K", description = "also calibrate adaptive on K-1 folds of each bank's problems and measure on the fold left out, rotating")
    Optional<Integer> crossFit = Optional.empty();

    @Option(names = "--repeats", defaultValue = "1", description = "with --cross-fit: seeded repeats of the K folds, 1 to 1000 (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--epsilon", split = ",", description = "with --cross-fit: the risk levels to calibrate at (default 0.005,0.01,0.02,0.05)")
    List<Double> epsilons = new ArrayList<>(List.of(0.005, 0.01, 0.02, 0.05));

    @Option(names = "--delta", defaultValue = "0.1", description = "with --cross-fit: delta (default ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--risk", defaultValue = "disagreement", description = "with --cross-fit: disagreement or accuracy (default ${DEFAULT-VALUE})")
    String risk;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public void run() {
        FlagChecks.between("--permutations", permutations, 1, 10_000);
        FlagChecks.between("--tolerance", tolerance, 0, 1);
        for (String o : List.of("--repeats", "--epsilon", "--delta", "--risk")) {
            if (crossFit.isEmpty() && spec.commandLine().getParseResult().hasMatchedOption(o)) throw PonderException.invalid("%s applies with --cross-fit K only", o);
        }
        PrintWriter out = spec.commandLine().getOut();
        StrategyBench bench = new StrategyBench(permutations, seed, tolerance, 0.75, 2000);
        List<BankBench> results = new ArrayList<>();
        List<NoisySweep.Sweep> sweeps = new ArrayList<>();
        List<CrossFitBench.Table> crossFitted = new ArrayList<>();
        Optional<CrossFitBench> cf = crossFit.map(this::crossFitBench);
        for (Path dir : banks.isEmpty() ? Home.defaultBanks() : banks) {
            Bank bank = BankReader.read(dir);
            Warnings.print(spec.commandLine().getErr(), bank.issues());
            for (String s : strategies) {
                if (LabSpecs.parse(s, bank.maxSamplesPerProblem(), false).needsChecker()) {
                    throw PonderException.invalid("bench strategies runs without a checker; %s needs one (Game of 24 banks get"
                            + " the verify@K sweep with a noisy checker: --noisy-sweep)", s);
                }
            }
            List<String> specs = strategies.isEmpty() ? StrategyBench.defaultSpecs(bank) : withReference(strategies, bank);
            BankBench b = bench.run(bank, specs);
            results.add(b);
            if (!json) {
                print(out, b);
                if (calibratedOn(bank, specs)) {
                    out.println("  note: adaptive's default was calibrated on this bank, so its row is in-sample; --cross-fit K measures it on problems it was not chosen on");
                }
            }
            if (cf.isPresent()) {
                CrossFitBench.Table t = cf.get().run(bank, riskKind());
                crossFitted.add(t);
                if (!json) CrossFitText.print(out, t);
            }
            if (noisy && bank.answerKind().contains("24")) {
                NoisySweep.Sweep sw = NoisySweep.standard(permutations, seed).run(bank);
                sweeps.add(sw);
                if (!json) printSweep(out, sw);
            }
        }
        if (json) {
            JsonOut.print(out, cf.isPresent() ? Map.of("banks", results, "noisy_verifier", sweeps, "cross_fit", crossFitted)
                    : Map.of("banks", results, "noisy_verifier", sweeps));
        }
        out.flush();
    }

    /** True when the bench ran the shipped default and it was made on this very bank. */
    private static boolean calibratedOn(Bank bank, List<String> specs) {
        if (specs.stream().noneMatch(x -> x.equals("adaptive") || x.startsWith("adaptive@"))) return false;
        String kind = AnswerExtractor.forKind(bank.answerKind()).label();
        var d = Defaults.lookup(bank.model(), kind, Optional.of(bank.name()));
        return !d.pooled() && d.calibration().dataset().equals(Optional.of(bank.name()));
    }

    private CrossFitBench crossFitBench(int k) {
        FlagChecks.between("--cross-fit", k, 2, 1_000);
        FlagChecks.between("--repeats", repeats, 1, 1_000);
        if (!(delta > 0 && delta < 1)) throw PonderException.invalid("--delta must be in (0, 1), was %s", delta);
        for (double e : epsilons) if (!(e > 0 && e < 1)) throw PonderException.invalid("--epsilon must be in (0, 1), was %s", e);
        riskKind();
        return new CrossFitBench(k, repeats, permutations, seed, delta, epsilons, tolerance);
    }

    private Risk riskKind() {
        try {
            return Risk.parse(risk);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("--risk: %s", e.getMessage());
        }
    }

    private static List<String> withReference(List<String> specs, Bank bank) {
        List<String> s = new ArrayList<>(specs.stream().map(x -> LabSpecs.resolve(x, bank.maxSamplesPerProblem())).toList());
        String ref = "vote@" + bank.maxSamplesPerProblem();
        if (!s.contains(ref)) s.add(ref);
        if (s.stream().noneMatch(x -> Family.of(x) == Family.PONDER)) s.add("adaptive");
        return s;
    }

    private void printSweep(PrintWriter out, NoisySweep.Sweep sw) {
        out.printf("%n%s: verify@K with a noisy exact checker (false negatives 0); expected value = accuracy - cost x false accepts%n", sw.bank());
        out.printf("  %-5s %4s %9s %9s", "fp", "K", "accuracy", "false acc");
        for (double c : sw.costs()) out.printf(" %8s", "EV c=" + c);
        out.println();
        for (var p : sw.points()) {
            out.printf("  %-5.2f %4d %9.4f %9.4f", p.fp(), p.k(), p.accuracy(), p.falseAccept());
            for (double v : p.expectedValue()) out.printf(" %8.4f", v);
            out.println();
        }
        for (var c : sw.choices()) {
            out.printf("  fp %.2f cost %.1f: sweep's best K %d, chooser's K %d (%s)%s%n", c.fp(), c.cost(), c.sweepBest(), c.chooser(),
                    c.withinOneStep() ? "within one step" : "NOT within one step", c.peaks() ? "; EV peaks, then falls" : "");
        }
    }

    private void print(PrintWriter out, BankBench b) {
        out.printf("%n%s: %d problems, %d permutations%n", b.bank(), b.problems(), b.permutations());
        out.printf("  %-10s %-9s %8s  %-17s %9s %11s %10s%n", "strategy", "family", "accuracy", "95% interval", "samples", "out tokens", "dollars");
        for (BenchRow r : b.rows()) {
            out.printf("  %-10s %-9s %8.4f  [%.4f, %.4f] %9.2f %11.1f %10.5f%n", r.strategy(), r.family(), r.accuracy(), r.ciLow(), r.ciHigh(),
                    r.samplesPerProblem(), r.outputTokensPerProblem(), r.costPerProblem());
        }
        for (var a : b.allocation()) {
            out.printf("  allocation: %s %.4f at %.2f samples; optimal at the same samples %s; optimal matches it with %s%n",
                    a.uniform(), a.uniformAccuracy(), a.samples(),
                    a.optimalAtSame().map(x -> String.format("%.4f", x)).orElse("(not run)"),
                    a.optimalMatching().map(m -> m + String.format(" (saving %.2fx)", a.saving().orElseThrow())).orElse("none of the optimal@S rows"));
        }
        var e = b.efficiency();
        out.printf("  efficiency: %s %.4f at %.2f samples; %s %.4f (reference)%s; best baseline %s%s%n",
                e.ponder(), e.ponderAccuracy(), e.ponderSamples(), e.reference(), e.referenceAccuracy(),
                e.target().equals(e.reference()) ? "" : String.format(", %s %.4f (target)", e.target(), e.targetAccuracy()),
                e.bestBaseline().orElse("none within tolerance"),
                e.bestBaselineSamples().map(s -> String.format(" at %.2f samples; ratio %.2f (goal <= 0.75): %s", s, e.sampleRatio().orElseThrow(),
                        e.goalMet() ? "met" : "NOT met")).orElse(""));
    }
}
