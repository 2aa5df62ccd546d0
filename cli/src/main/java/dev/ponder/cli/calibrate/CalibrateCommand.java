package dev.ponder.cli.calibrate;

import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.lab.ReportCommand;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Calibrator;
import dev.ponder.core.calibrate.CrossFitChoice;
import dev.ponder.core.calibrate.HeldOut;
import dev.ponder.core.calibrate.Losses;
import dev.ponder.core.calibrate.Provenance;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.calibrate.Questions;
import dev.ponder.core.calibrate.Risk;
import dev.ponder.core.calibrate.Selector;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.report.CalibrationReport;
import dev.ponder.lab.store.RunQuestions;
import dev.ponder.lab.store.SampleStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ponder calibrate}: fit {@code adaptive}'s stopping rule to full-budget samples, with a stated guarantee. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Choose adaptive's stopping rule from full-budget samples (a bank, or a stored run): the setting with the fewest",
                "samples whose risk is certified <= epsilon with probability 1-delta (Learn then Test, Hoeffding-Bentkus p-values),",
                "for new questions exchangeable with these. Prints the risk-versus-samples curve and writes a calibration file",
                "that adaptive:FILE.json loads. With --splits N: calibrate on random halves, judge on the other halves."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--bank", description = "a bank folder (repeatable: several banks are pooled)")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--store", description = "a sample store (DuckDB) holding a run at the full budget; with --run")
    Optional<Path> store = Optional.empty();

    @Option(names = "--run", description = "the stored run's id (or latest)")
    Optional<String> run = Optional.empty();

    @Option(names = "--config", description = "the run's full-budget configuration, when it has several")
    Optional<String> config = Optional.empty();

    @Option(names = "--answer-kind", description = "for a stored run: the answer extractor its answers came from (default: from its domain)")
    Optional<String> answerKind = Optional.empty();

    @Option(names = "--epsilon", defaultValue = "0.005", description = "the risk to certify (default ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--delta", defaultValue = "0.1", description = "the chance the certificate may be wrong (default ${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--risk", defaultValue = "disagreement",
            description = "disagreement (early answer != full-budget answer; needs no references) or accuracy (accuracy lost; needs labels)")
    String risk;

    @Option(names = "--orders", defaultValue = "20", description = "seeded sample orders per question, 1 to 10000 (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the orders and the splits (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--select", defaultValue = "ltt",
            description = "ltt (Learn then Test, default) or cross-fit (fewest samples within epsilon in-sample, judged by cross-fitting: how the shipped defaults are made)")
    String select;

    @Option(names = "--folds", defaultValue = "5", description = "with --select cross-fit: folds, 2 to the number of questions (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--repeats", defaultValue = "20", description = "with --select cross-fit: seeded repeats of the folds, 1 to 1000 (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--splits", description = "split test: N random halves, calibrate on one, count how often the other's risk exceeds epsilon (N: 1 to 10000)")
    Optional<Integer> splits = Optional.empty();

    @Option(names = "--out", description = "write the calibration file here (JSON)")
    Optional<Path> out = Optional.empty();

    @Option(names = "--report", description = "write an HTML page with the curve into this folder")
    Optional<Path> report = Optional.empty();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    private record Data(List<Question> questions, Provenance provenance, int budget) {}

    @Override
    public Integer call() {
        checkOptions();
        Risk kind;
        try {
            kind = Risk.parse(risk);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("--risk: %s", e.getMessage());
        }
        Data data = load();
        Calibrator calibrator;
        Losses losses;
        try {
            calibrator = new Calibrator(orders, seed);
            losses = calibrator.measure(data.questions(), kind, data.budget());
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s", e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (splits.isPresent()) {
            var pairs = HeldOut.halves(losses.questions(), splits.get(), seed);
            HeldOut.Result r = HeldOut.evaluate(losses, pairs, Selector.learnThenTest(epsilon, delta), epsilon);
            CalibrateText.splits(o, json, data.provenance(), losses, r, epsilon, delta, orders, seed);
            return 0;
        }
        Calibration c = select.equals("ltt") ? calibrator.certify(losses, losses.all(), epsilon, delta, data.provenance())
                : CrossFitChoice.calibration(losses, epsilon, delta, folds, repeats, data.provenance(), orders, seed);
        if (!c.early()) for (String n : c.notes()) spec.commandLine().getErr().println("ponder: warning: " + n);
        spec.commandLine().getErr().flush();
        out.ifPresent(f -> CalibrationFile.write(f, c));
        Optional<Path> page = report.map(d -> CalibrationReport.write(c, d));
        if (json) {
            o.println(CalibrationFile.toJson(c));
        } else {
            CalibrateText.calibration(o, c);
            out.ifPresent(f -> o.println("written: " + f));
            page.ifPresent(p -> o.println("report: " + p.toAbsolutePath()));
        }
        o.flush();
        return 0;
    }

    /** Values out of range, and options the chosen mode would ignore, are refused before any work. */
    private void checkOptions() {
        if (!(epsilon > 0 && epsilon < 1)) throw PonderException.invalid("--epsilon must be in (0, 1), was %s", epsilon);
        if (!(delta > 0 && delta < 1)) throw PonderException.invalid("--delta must be in (0, 1), was %s", delta);
        FlagChecks.between("--orders", orders, 1, 10_000);
        splits.ifPresent(n -> FlagChecks.between("--splits", n, 1, 10_000));
        FlagChecks.between("--folds", folds, 2, 1_000);
        FlagChecks.between("--repeats", repeats, 1, 1_000);
        if (out.isPresent() && Files.isDirectory(out.get())) {
            throw PonderException.invalid("--out %s is a folder: give the calibration a file name, e.g. %s", out.get(), out.get().resolve("cal.json"));
        }
        if (!select.equals("ltt") && !select.equals("cross-fit")) throw PonderException.invalid("--select must be ltt or cross-fit, was \"%s\"", select);
        var given = spec.commandLine().getParseResult();
        for (String o : List.of("--run", "--config", "--answer-kind")) {
            if (given.hasMatchedOption(o) && store.isEmpty()) throw PonderException.invalid("%s picks from a stored run: give the store with --store FILE", o);
        }
        for (String o : List.of("--select", "--folds", "--repeats", "--out", "--report")) {
            if (given.hasMatchedOption(o) && splits.isPresent()) {
                throw PonderException.invalid("%s does not apply to the split test (--splits), which calibrates each half with Learn then Test and writes no file", o);
            }
        }
        for (String o : List.of("--folds", "--repeats")) {
            if (given.hasMatchedOption(o) && !select.equals("cross-fit")) throw PonderException.invalid("%s applies to --select cross-fit only", o);
        }
    }

    private Data load() {
        if (banks.isEmpty() == store.isEmpty()) throw PonderException.invalid("give the samples with --bank DIR or with --store FILE --run ID (one of them)");
        if (store.isPresent()) {
            String id = run.orElseThrow(() -> PonderException.invalid("--store needs --run ID (or --run latest)"));
            try (SampleStore s = ReportCommand.Stores.open(store.get())) {
                String runId = id.equals("latest") ? s.runs().stream().reduce((a, b) -> b).map(r -> r.runId()).orElse(id) : id;
                RunQuestions.Loaded l = RunQuestions.load(s, runId, config, answerKind);
                return new Data(l.questions(), l.provenance(), l.budget());
            }
        }
        List<Question> qs = new ArrayList<>();
        List<Bank> read = new ArrayList<>();
        for (Path dir : banks) {
            Bank b = BankReader.read(dir);
            Warnings.print(spec.commandLine().getErr(), b.issues());
            read.add(b);
            for (Question q : Questions.of(b)) qs.add(banks.size() == 1 ? q : new Question(b.name() + "/" + q.id(), q.samples()));
        }
        if (qs.isEmpty()) throw PonderException.invalid("no problem in %s has samples", banks);
        int budget = read.stream().mapToInt(Bank::maxSamplesPerProblem).max().orElse(1);
        if (read.size() == 1) return new Data(qs, Questions.provenance(read.getFirst()), budget);
        List<Provenance> ps = read.stream().map(Questions::provenance).toList();
        String model = ps.stream().map(Provenance::model).distinct().count() == 1 ? ps.getFirst().model() : "any";
        String answers = ps.stream().map(Provenance::answerKind).distinct().count() == 1 ? ps.getFirst().answerKind() : "any";
        String names = String.join(", ", read.stream().map(Bank::name).toList());
        return new Data(qs, new Provenance(model, answers, Optional.empty(), "banks " + names + " pooled (" + qs.size() + " problems)"), budget);
    }
}
