package dev.ponder.cli.lab;

import dev.ponder.cli.Warnings;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.export.Exporter;
import dev.ponder.lab.export.FormatCheck;
import dev.ponder.lab.export.Harvest;
import dev.ponder.lab.export.Output;
import dev.ponder.lab.store.SampleStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ponder export}: a stored run's tables as Parquet ({@code --parquet DIR}); accepted samples of a run or a
 * bank as chat fine-tuning and preference JSONL ({@code --finetune}, {@code --preference}); or a check of such a
 * file ({@code --validate}). See docs/export.md.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a stored run's tables as Parquet, or a run's or bank's accepted samples as fine-tuning data.",
            "  ponder export RUN --parquet DIR",
            "  ponder export RUN|--bank DIR|--stored FILE --finetune FILE [--preference FILE] --accept verified|majority|reference",
            "  ponder export --validate FILE"})
public final class ExportCommand implements Callable<Integer> {
    private static final int SHOWN_ISSUES = 20;
    /** Options that shape a --finetune/--preference export and mean nothing to the other modes, which refuse them. */
    private static final List<String> TRAINING = List.of("--accept", "--min-agreement", "--checker", "--max-per-problem", "--holdout", "--seed",
            "--frontier", "--system", "--strategy", "--metadata");

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "run id, or latest")
    Optional<String> run = Optional.empty();

    @Option(names = "--store", description = "the sample store (default ${DEFAULT-VALUE})", defaultValue = ".ponder/lab.duckdb")
    Path store;

    @Option(names = "--parquet", paramLabel = "DIR", description = "write the run's tables to DIR/<table>.parquet")
    Optional<Path> parquet = Optional.empty();

    @Option(names = "--bank", paramLabel = "DIR", description = "export from a bank's recorded samples instead of a stored run")
    Optional<Path> bank = Optional.empty();

    @Option(names = "--stored", paramLabel = "FILE", description = "export from the proxy's stored completions (store: true; ponder-stored.jsonl)")
    Optional<Path> stored = Optional.empty();

    @Option(names = "--finetune", paramLabel = "FILE", description = "chat fine-tuning JSONL (messages: system?, user, assistant)")
    Optional<Path> finetune = Optional.empty();

    @Option(names = "--preference", paramLabel = "FILE", description = "preference pairs JSONL (TRL conversational: prompt, chosen, rejected)")
    Optional<Path> preference = Optional.empty();

    @Option(names = "--accept", paramLabel = "RULE", description = "verified (a checker passed), majority (agrees with the final answer) or reference")
    Optional<String> accept = Optional.empty();

    @Option(names = "--min-agreement", paramLabel = "F", description = "majority: only problems whose final answer at least F of the answers share")
    Optional<Double> minAgreement = Optional.empty();

    @Option(names = "--checker", paramLabel = "NAME", defaultValue = "auto",
            description = "verified/reference: auto (default), recorded, exact, math or game24")
    String checker;

    @Option(names = "--max-per-problem", paramLabel = "K", description = "at most K distinct examples per problem")
    Optional<Integer> maxPerProblem = Optional.empty();

    @Option(names = "--holdout", paramLabel = "F", defaultValue = "0", description = "hold out a fraction F of the problems to NAME.holdout.jsonl")
    double holdout;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seeds the holdout split (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--frontier", paramLabel = "FILE", description = "the problems with no accepted sample, as problem-set JSONL")
    Optional<Path> frontier = Optional.empty();

    @Option(names = "--system", paramLabel = "TEXT", description = "a system message to put first in every conversation")
    Optional<String> system = Optional.empty();

    @Option(names = "--strategy", paramLabel = "SPEC", description = "a stored run: only this strategy's configurations (repeatable)")
    List<String> strategies = List.of();

    @Option(names = "--metadata", paramLabel = "WHERE", defaultValue = "inline",
            description = "provenance: inline (a metadata key in each line, default) or sidecar (NAME.meta.jsonl)")
    String metadata;

    @Option(names = "--validate", paramLabel = "FILE", description = "check a fine-tuning or preference JSONL file (repeatable)")
    List<Path> validate = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (!validate.isEmpty()) {
                refuse(run.isPresent() || bank.isPresent() || stored.isPresent() || parquet.isPresent() || finetune.isPresent() || preference.isPresent(),
                        "--validate checks files; it does not combine with a run, --bank, --parquet, --finetune or --preference");
                refuseGiven("--validate", TRAINING);
                refuseGiven("--validate", List.of("--store"));
                return validate(out);
            }
            if (parquet.isPresent()) {
                refuse(bank.isPresent() || stored.isPresent() || finetune.isPresent() || preference.isPresent(),
                        "--parquet exports a stored run's tables; it does not combine with --bank, --finetune or --preference");
                refuse(run.isEmpty(), "--parquet needs a RUN (a run id, or latest)");
                refuseGiven("--parquet", TRAINING);
                return parquet(out);
            }
            refuse(finetune.isEmpty() && preference.isEmpty(), "nothing to export: give --parquet DIR, --finetune FILE, --preference FILE or --validate FILE");
            int sources = (run.isPresent() ? 1 : 0) + (bank.isPresent() ? 1 : 0) + (stored.isPresent() ? 1 : 0);
            refuse(sources != 1, sources > 1 ? "give one of a RUN, --bank DIR or --stored FILE" : "give a RUN (a run id, or latest), --bank DIR or --stored FILE");
            refuse(accept.isEmpty(), "--accept is required: verified (a checker passed), majority (agrees with the final answer) or reference");
            return training(out);
        } finally {
            out.flush();
        }
    }

    private int parquet(PrintWriter out) {
        try (SampleStore s = ReportCommand.Stores.open(store)) {
            for (Path p : s.exportParquet(runId(s), parquet.get())) out.println(p);
        }
        return 0;
    }

    private int training(PrintWriter out) {
        Exporter.Request request = Exporter.request(accept.get(), minAgreement, checker, maxPerProblem, holdout, seed, system, metadata,
                finetune, preference, frontier);
        Exporter.Outcome outcome;
        if (stored.isPresent()) {
            refuse(!strategies.isEmpty(), "--strategy picks configurations of a stored run; stored completions are requests");
            outcome = Exporter.export(Harvest.ofStored(stored.get()), request);
        } else if (bank.isPresent()) {
            refuse(!strategies.isEmpty(), "--strategy picks configurations of a stored run; a bank has only its recorded samples");
            refuseGiven("--bank", List.of("--store"));
            var b = BankReader.read(bank.get());
            Warnings.print(spec.commandLine().getErr(), b.issues());
            outcome = Exporter.export(Harvest.of(b), request);
        } else {
            try (SampleStore s = ReportCommand.Stores.open(store)) {
                outcome = Exporter.export(Harvest.of(s, runId(s), new LinkedHashSet<>(strategies)), request);
            }
        }
        return switch (outcome) {
            case Exporter.Refused r -> {
                spec.commandLine().getErr().println("ponder: " + r.why());
                yield 1;
            }
            case Exporter.Written w -> {
                w.harvest().table().forEach(out::println);
                out.println();
                for (Output.Written f : w.files()) out.println("wrote " + f.path() + " (" + f.what() + ", " + f.lines() + (f.lines() == 1 ? " line)" : " lines)"));
                w.notes().forEach(n -> out.println("note: " + n));
                yield 0;
            }
        };
    }

    private int validate(PrintWriter out) {
        List<String> invalid = new ArrayList<>();
        for (Path f : validate) {
            FormatCheck.Report r = FormatCheck.check(f);
            String kind = r.kind().map(FormatCheck.Kind::label).orElse("no recognised format");
            r.issues().stream().limit(SHOWN_ISSUES).forEach(i -> out.println(f + ":" + i.line() + ": " + i.problem()));
            if (r.issues().size() > SHOWN_ISSUES) out.println(f + ": ... and " + (r.issues().size() - SHOWN_ISSUES) + " more bad lines");
            out.println(r.valid() ? f + ": " + r.lines() + " lines of " + kind + ", all valid"
                    : f + ": " + r.issues().size() + " of " + r.lines() + " lines invalid (" + kind + ")");
            r.notes().forEach(n -> out.println(f + ": note: " + n));
            if (!r.valid()) invalid.add(f + " (" + r.issues().size() + " of " + r.lines() + " lines)");
        }
        if (invalid.isEmpty()) return 0;
        out.flush();
        spec.commandLine().getErr().println("ponder: not valid: " + String.join(", ", invalid));
        return 2;
    }

    private String runId(SampleStore s) {
        return s.run(run.get()).map(r -> r.runId()).orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND,
                "no run \"" + run.get() + "\" in " + store + "; runs: " + s.runs().stream().map(r -> r.runId()).toList()));
    }

    /** Refuses any of {@code options} given on the line: they mean nothing to {@code mode}. */
    private void refuseGiven(String mode, List<String> options) {
        for (String o : options) {
            refuse(spec.commandLine().getParseResult().hasMatchedOption(o), o + (o.equals("--store") ? " names the store of a RUN" : " shapes a --finetune/--preference export")
                    + "; " + mode + " does not take it");
        }
    }

    private static void refuse(boolean bad, String why) {
        if (bad) throw PonderException.invalid("%s", why);
    }
}
