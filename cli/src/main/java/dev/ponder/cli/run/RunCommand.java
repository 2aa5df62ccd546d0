package dev.ponder.cli.run;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.lab.live.LiveClients;
import dev.ponder.lab.live.LiveEndpoint;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.PlanReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder run}: strategies over banks (replayed) or problem sets (live backend), one table per source. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run strategies over sample banks (replay) or problem sets (live backend) and print accuracy,",
                "its 95%% interval and the spend per problem. With a PLAN (YAML/JSON) runs its cross product into the",
                "sample store and writes a report. With no arguments: the built-in offline plan, which replays the",
                "development banks (../shared/banks, else the shipped copies) with single, vote@5, vote@N-max and",
                "adaptive, stores every sample (.ponder/lab.duckdb) and writes the report (.ponder/reports/RUN).",
                "A live run (--problems) with no --strategy runs single: one call per problem.",
                "Exit codes: 0 done, 1 failure, 2 bad input, 3 every call failed (server down, key refused, ...)."})
public final class RunCommand implements Runnable {
    /** What a live run does when no --strategy is given: one call per problem, not the ~70 of the replay default. */
    static final List<String> LIVE_DEFAULT = List.of("single");

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN", description = "a plan file (YAML or JSON); see docs/lab.md")
    Optional<Path> plan = Optional.empty();

    @Option(names = "--resume", description = "continue the newest run of this plan in the store: stored units are skipped")
    boolean resume;

    @Option(names = "--max-dollars", description = "stop before the run's spend would exceed this many dollars")
    Optional<Double> maxDollars = Optional.empty();

    @Option(names = "--store", description = "the sample store (DuckDB file; default: the plan's, else .ponder/lab.duckdb)")
    Optional<Path> store = Optional.empty();

    @Option(names = "--report-dir", description = "where the report goes (default .ponder/reports/RUN)")
    Optional<Path> reportDir = Optional.empty();

    @Option(names = "--no-report", negatable = false, description = "do not write the report")
    boolean noReport;

    @Option(names = {"--quiet", "--no-progress"}, description = "no progress bar (there is none when stderr is not a terminal)")
    boolean quiet;

    @Option(names = "--bank", description = "a bank folder to replay (repeatable)")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--problems", description = "a problem set (JSONL: GSM8K, MATH-500, HumanEval-X Java, MBJP or id/question/reference)")
    Optional<Path> problems = Optional.empty();

    @Option(names = "--backend", description = "replay (default with --bank), or with --problems the live API: openai (default; any"
            + " OpenAI-compatible server) or anthropic (Anthropic's Messages API)")
    Optional<String> backend = Optional.empty();

    @Mixin LiveOptions live;

    @Option(names = "--strategy", description = "strategy spec, repeatable (e.g. single, vote@5, vote@N-max; default for --problems: single)")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--seed", description = "seed for sample order and strategies' randomness (default ${DEFAULT-VALUE})", defaultValue = "0")
    long seed;

    @Option(names = "--order", description = "replay order: shuffled (seeded, default) or recorded", defaultValue = "shuffled")
    String order;

    @Option(names = "--answers", defaultValue = "recorded", description = "recorded: a bank's recorded answers (default); extract: "
            + "extract from the text; semantic: group free-form replies by meaning (MiniLM); usc: a judge call picks the most consistent reply")
    String answers;

    @Option(names = "--extractor", description = "answer extractor: exact, number, boxed, choice, code, semantic, usc (default: from the data)")
    Optional<String> extractor = Optional.empty();

    @Option(names = "--pass-at-k", description = "the code loop: N samples per problem, each verified (Java problem sets: compiled and tested in the sandbox); prints pass@k")
    Optional<Integer> passAtK = Optional.empty();

    @Option(names = "--unsandboxed", description = "with --pass-at-k or --checker java-tests: run model-written code WITHOUT isolation (only where bwrap is missing and you trust the model)")
    boolean unsandboxed;

    @Option(names = "--checker", description = "the checker verify@K needs (refine@R and cascade use it too): game24, java-tests, math, regex:PATTERN, llm-judge:MODEL")
    Optional<String> checker = Optional.empty();

    @Option(names = "--checker-noise", description = "make the checker imperfect: FP,FN rates, e.g. 0.05,0 (seeded)")
    Optional<String> checkerNoise = Optional.empty();

    @Option(names = "--budget-dollars", description = "dollar budget per problem (checked before every call; refused up front if it cannot cover one)")
    Optional<Double> budgetDollars = Optional.empty();

    @Option(names = "--budget-tokens", description = "token budget per problem")
    Optional<Long> budgetTokens = Optional.empty();

    @Option(names = "--concurrency", description = "problems in flight at once (default ${DEFAULT-VALUE})", defaultValue = "8")
    int concurrency;

    @Option(names = "--limit", description = "use only the first N problems")
    Optional<Integer> limit = Optional.empty();

    @Option(names = "--prices", description = "price catalogue JSON (default: the shipped one)")
    Optional<Path> prices = Optional.empty();

    @Option(names = "--json", description = "print one JSON document instead of tables")
    boolean json;

    @Option(names = "--otlp", paramLabel = "URL", description = "trace the run to an OpenTelemetry collector's OTLP/HTTP URL, e.g. "
            + "http://localhost:4318 (a plan's otlp: field, or OTEL_EXPORTER_OTLP_ENDPOINT, does the same)")
    Optional<String> otlp = Optional.empty();

    @Override
    public void run() {
        Budget budget = budget();
        PriceCatalogue catalogue = prices.map(PriceCatalogue::load).orElseGet(PriceCatalogue::shipped);
        if (maxDollars.isPresent() && !(maxDollars.get() > 0 && maxDollars.get() < Double.POSITIVE_INFINITY)) {
            throw PonderException.invalid("--max-dollars must be > 0 and finite, was %s", maxDollars.get());
        }
        limit.ifPresent(l -> {
            if (l < 1) throw PonderException.invalid("--limit must be >= 1, was %d", l);
        });
        checker.ifPresent(CheckerSpec::parse);
        if (checkerNoise.isPresent() && checker.isEmpty()) throw PonderException.invalid("--checker-noise needs --checker");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (plan.isPresent() || (banks.isEmpty() && problems.isEmpty())) {
            if (plan.isPresent() && (!banks.isEmpty() || problems.isPresent())) {
                throw PonderException.invalid("give either a PLAN or --bank/--problems, not both");
            }
            if (plan.isPresent() && (checker.isPresent() || !live.sampling().isDefault())) {
                throw PonderException.invalid("with a PLAN, the checker and sampling go in the plan file (checker:, max_tokens:, temperature:, top_p:)");
            }
            LoadedPlan lp = plan.map(PlanReader::read).orElseGet(() -> BuiltInPlan.offline(strategies, seed, order, limit,
                    budgetDollars, budgetTokens, checker, checkerNoise));
            try (RunTelemetry t = RunTelemetry.start(otlp.or(() -> lp.plan().otlp()), otlp.isPresent() ? "--otlp" : lp.file() + ": otlp",
                    System.getenv(), err)) {
                t.run(lp.plan().name(), () -> PlanRun.run(lp, new PlanRun.Options(resume, maxDollars, store, reportDir, !noReport, !quiet, json,
                        catalogue, live.retries, unsandboxed), out, err));
            }
            return;
        }
        Sources.Reading reading = new Sources.Reading(backend, extractor, answers, order, seed, limit, concurrency);
        try (LiveClients clients = new LiveClients()) {
            List<RunSource> sources = new ArrayList<>();
            if (problems.isPresent()) sources.add(liveSource(problems.get(), reading, catalogue, clients, err));
            for (Path dir : banks) sources.add(Sources.bank(dir, reading, catalogue));
            String run = String.join(" ", sources.stream().map(RunSource::name).toList());
            if (passAtK.isPresent()) {
                traced(run, () -> PassAtKRun.run(sources, passAtK.get(), budget, seed, unsandboxed, json, out, err), err);
                return;
            }
            List<String> specs = !strategies.isEmpty() ? strategies : problems.isPresent() ? LIVE_DEFAULT : List.of("single", "vote@5", "vote@N-max");
            if (strategies.isEmpty() && problems.isPresent() && !json) {
                err.println("ponder: no --strategy given: running single (one call per problem); add e.g. --strategy vote@5");
            }
            LiveEndpoint endpoint = live.endpoint(api());
            traced(run, () -> new SourceRun(new SourceRun.Settings(specs, budget, seed, order, checker, checkerNoise, unsandboxed, json, quiet,
                    m -> clients.open(endpoint, m, catalogue, seed, false)), out, err).run(sources), err);
        }
    }

    /** {@code work} as one trace when {@code --otlp} or the standard variable names a collector. */
    private void traced(String run, Runnable work, PrintWriter err) {
        try (RunTelemetry t = RunTelemetry.start(otlp, "--otlp", System.getenv(), err)) {
            t.run(run, work);
        }
    }

    /** The problem set on the live endpoint, after the checks that need no call: the key, the model, its price. */
    private RunSource liveSource(Path file, Sources.Reading reading, PriceCatalogue catalogue, LiveClients clients, PrintWriter err) {
        LiveEndpoint endpoint = live.endpoint(api());
        String m = live.model.orElseThrow(() -> PonderException.invalid("--problems with a live backend needs --model NAME"));
        endpoint.missingKey(System.getenv()).ifPresent(why -> {
            throw PonderException.invalid("%s (or give --api-key-env VAR)", why);
        });
        RunSource src = Sources.problems(file, reading, endpoint, clients, m, live.sampling(), !live.noCompletions, catalogue);
        if (catalogue.find(m).isEmpty()) {
            err.printf("ponder: warning: model \"%s\" is not in the price catalogue: its calls count as $0 (give prices with --prices FILE)%n", m);
        }
        return src;
    }

    /** The live API: --backend's when it names one, else OpenAI's (a bank's llm-judge checker among them). */
    private LiveEndpoint.Api api() {
        backend.filter(b -> !b.equals("replay") && LiveEndpoint.Api.ofKind(b).isEmpty()).ifPresent(b -> {
            throw PonderException.invalid("--backend must be replay, openai or anthropic, was \"%s\"", b);
        });
        return backend.flatMap(LiveEndpoint.Api::ofKind).orElse(LiveEndpoint.Api.OPENAI);
    }

    private Budget budget() {
        Budget b = Budget.UNLIMITED;
        if (budgetDollars.isPresent()) {
            double d = budgetDollars.get();
            if (!(d > 0 && d < Double.POSITIVE_INFINITY)) throw PonderException.invalid("--budget-dollars must be > 0 and finite, was %s", d);
            b = b.withDollars(d);
        }
        if (budgetTokens.isPresent()) {
            if (budgetTokens.get() < 1) throw PonderException.invalid("--budget-tokens must be >= 1, was %d", budgetTokens.get());
            b = b.withTokens(budgetTokens.get());
        }
        return b;
    }
}
