package dev.ponder.cli.run;

import dev.ponder.cli.Home;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import dev.ponder.lab.eval.PassAtKReport;
import java.util.SplittableRandom;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.LineIssue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.lab.eval.ProblemOutcome;
import dev.ponder.lab.eval.Summary;
import dev.ponder.lab.problems.ProblemSet;
import dev.ponder.lab.problems.ProblemSetReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ponder run}: strategies over banks (replayed) or problem sets (live backend), one table per source. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run strategies over sample banks (replay) or problem sets (live backend) and print accuracy,",
                "its 95% interval and the spend per problem. With a PLAN (YAML/JSON) runs its cross product into the",
                "sample store and writes a report. With no arguments: the built-in offline plan, which replays the",
                "development banks (../shared/banks, else the shipped copies) with single, vote@5, vote@N-max and",
                "adaptive, stores every sample (.ponder/lab.duckdb) and writes the report (.ponder/reports/RUN)."})
public final class RunCommand implements Runnable {
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

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Option(names = "--bank", description = "a bank folder to replay (repeatable)")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--problems", description = "a problem set (JSONL: GSM8K, MATH-500, HumanEval-X Java, MBJP or id/question/reference)")
    Optional<Path> problems = Optional.empty();

    @Option(names = "--backend", description = "replay (default with --bank) or openai (default with --problems)")
    Optional<String> backend = Optional.empty();

    @Option(names = "--base-url", description = "OpenAI-compatible base URL, e.g. http://localhost:8000/v1", defaultValue = "https://api.openai.com/v1")
    String baseUrl;

    @Option(names = "--model", description = "model name for the openai backend")
    Optional<String> model = Optional.empty();

    @Option(names = "--api-key-env", description = "environment variable holding the API key (default OPENAI_API_KEY)", defaultValue = "OPENAI_API_KEY")
    String apiKeyEnv;

    @Option(names = "--strategy", description = "strategy spec, repeatable (e.g. single, vote@5, vote@N-max)")
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

    @Option(names = "--unsandboxed", description = "with --pass-at-k on code: run model-written code WITHOUT isolation (only where bwrap is missing and you trust the model)")
    boolean unsandboxed;

    @Option(names = "--checker", description = "a checker for verify@K, refine@R and cascade, one that does not read the reference: game24")
    Optional<String> checker = Optional.empty();

    @Option(names = "--checker-noise", description = "make the checker imperfect: FP,FN rates, e.g. 0.05,0 (seeded)")
    Optional<String> checkerNoise = Optional.empty();

    @Option(names = "--budget-dollars", description = "dollar budget per problem")
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

    @Override
    public void run() {
        Budget budget = budget();
        PriceCatalogue catalogue = prices.map(PriceCatalogue::load).orElseGet(PriceCatalogue::shipped);
        if (maxDollars.isPresent() && !(maxDollars.get() > 0)) throw PonderException.invalid("--max-dollars must be > 0, was %s", maxDollars.get());
        if (plan.isPresent() || (banks.isEmpty() && problems.isEmpty())) {
            if (plan.isPresent() && (!banks.isEmpty() || problems.isPresent())) {
                throw PonderException.invalid("give either a PLAN or --bank/--problems, not both");
            }
            var lp = plan.map(dev.ponder.lab.plan.PlanReader::read).orElseGet(() -> BuiltInPlan.offline(strategies, seed, order, limit,
                    budgetDollars, budgetTokens));
            PlanRun.run(lp, new PlanRun.Options(resume, maxDollars, store, reportDir, !noReport, !noProgress, json, catalogue),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
            return;
        }
        List<Source> sources = new ArrayList<>();
        if (problems.isPresent()) {
            sources.add(problemSource(problems.get(), catalogue));
        }
        List<Path> bankDirs = banks.isEmpty() && problems.isEmpty() ? Home.defaultBanks() : banks;
        for (Path dir : bankDirs) sources.add(bankSource(dir, catalogue));
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> docs = new ArrayList<>();
        if (passAtK.isPresent()) {
            passAtK(sources, budget, out);
            return;
        }
        for (Source src : sources) {
            dev.ponder.cli.Warnings.print(spec.commandLine().getErr(), src.issues());
            List<String> specs = strategies.isEmpty() ? List.of("single", "vote@5", "vote@N-max") : strategies;
            List<Summary> rows = new ArrayList<>();
            for (String s : specs) {
                Evaluation eval = checker.isPresent() ? src.evaluation(budget, seed).withChecker(checker(src)) : src.evaluation(budget, seed);
                if (s.startsWith("optimal@")) {
                    BatchStrategy batch = BatchStrategy.parse(s, src.maxSamples());
                    rows.add(Summary.of(batch.name(), eval.runBatch(batch, src.backend().get(), src.problems())));
                    continue;
                }
                Strategy strategy = parseStrategy(s, src.maxSamples(), src.kind().equals("bank") ? Optional.of(src.name()) : Optional.empty());
                List<ProblemOutcome> outcomes = eval.run(strategy, src.backend().get(), src.problems());
                rows.add(Summary.of(strategy.name(), outcomes));
            }
            if (json) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("source", src.name());
                d.put("kind", src.kind());
                d.put("model", src.model());
                d.put("problems", src.problems().size());
                d.put("seed", seed);
                d.put("rows", rows);
                docs.add(d);
            } else {
                Tables.print(out, src.title(seed, order), rows, src.hasCost());
            }
        }
        out.flush();
        if (json) {
            dev.ponder.cli.io.JsonOut.print(out, Map.of("runs", docs));
            out.flush();
        }
    }

    /** The code loop: n samples per problem, each verified (code: compiled and tested in the sandbox), pass@k. */
    private void passAtK(List<Source> sources, Budget budget, PrintWriter out) {
        int n = passAtK.get();
        if (n < 1) throw PonderException.invalid("--pass-at-k needs N >= 1, was %d", n);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Source src : sources) {
            dev.ponder.cli.Warnings.print(spec.commandLine().getErr(), src.issues());
            JavaSandbox sandbox = null;
            try {
                Verifier v = src.verifier();
                if (src.extractor().label().equals("code")) {
                    var limits = SandboxLimits.defaults();
                    sandbox = unsandboxed ? Sandboxes.unsandboxed(limits, 2) : Sandboxes.bubblewrap(limits, 2);
                    v = Verifier.javaTests(sandbox);
                }
                PassAtKReport.Report r = PassAtKReport.run(src.evaluation(budget, seed), src.backend().get(), src.problems(), n, v, seed);
                if (json) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("source", src.name());
                    d.put("model", src.model());
                    d.put("verifier", v.name());
                    d.put("pass_at_k", r);
                    docs.add(d);
                } else {
                    out.printf("%n%s (%s, %d problems, %d samples each, verified by %s)%n", src.name(), src.model(), r.problems(), r.n(), v.name());
                    out.printf("  %-8s %9s  %s%n", "k", "pass@k", "95% interval");
                    for (var row : r.rows()) out.printf("  %-8d %9.4f  [%.4f, %.4f]%n", row.k(), row.passAtK(), row.ciLow(), row.ciHigh());
                    out.printf("  verdicts: %s; dollars %.6f%n", r.verdicts(), r.dollars());
                }
            } finally {
                if (sandbox != null) sandbox.close();
            }
        }
        if (json) {
            dev.ponder.cli.io.JsonOut.print(out, Map.of("runs", docs));
        }
        out.flush();
    }

    private Budget budget() {
        Budget b = Budget.UNLIMITED;
        try {
            if (budgetDollars.isPresent()) b = b.withDollars(budgetDollars.get());
            if (budgetTokens.isPresent()) b = b.withTokens(budgetTokens.get());
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("bad budget: %s", e.getMessage());
        }
        return b;
    }

    private Verifier checker(Source src) {
        Verifier v = switch (checker.orElseThrow()) {
            case "game24" -> Verifier.game24();
            default -> throw PonderException.invalid("--checker \"%s\" is not a reference-free checker; known: game24", checker.get());
        };
        if (checkerNoise.isEmpty()) return v;
        String[] parts = checkerNoise.get().split(",");
        try {
            return Verifier.noisy(v, Double.parseDouble(parts[0]), parts.length > 1 ? Double.parseDouble(parts[1]) : 0, new SplittableRandom(seed));
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("--checker-noise \"%s\": %s (expected FP,FN rates in [0,1])", checkerNoise.get(), e.getMessage());
        }
    }

    static Strategy parseStrategy(String spec, int maxSamples, Optional<String> dataset) {
        String s = spec.replace("N-max", String.valueOf(maxSamples));
        return StrategyRegistry.forDataset(dataset).parse(s);
    }

    private Optional<Long> replaySeed() {
        return switch (order) {
            case "shuffled" -> Optional.of(seed);
            case "recorded" -> Optional.empty();
            default -> throw PonderException.invalid("--order must be shuffled or recorded, was \"%s\"", order);
        };
    }

    private Source bankSource(Path dir, PriceCatalogue catalogue) {
        if (backend.isPresent() && !backend.get().equals("replay")) {
            throw PonderException.invalid("--bank replays recorded samples; --backend %s goes with --problems", backend.get());
        }
        Bank bank = BankReader.read(dir);
        AnswerChoice ac = AnswerChoice.of(answers, extractor, bank.answerKind() + " " + bank.domain());
        Optional<Long> rs = replaySeed();
        List<Problem> ps = limit.map(l -> bank.problems().subList(0, Math.min(l, bank.problems().size()))).orElse(bank.problems());
        return new Source(bank.name(), "bank", bank.model(), ps, bank.maxSamplesPerProblem(), bank.hasCost(), bank.issues(),
                () -> Backend.replay(bank, rs, catalogue), ac.extractor(), Verifier.forKind(bank.answerKind() + " " + bank.domain()), ac.recorded(), concurrency);
    }

    private Source problemSource(Path file, PriceCatalogue catalogue) {
        String b = backend.orElse("openai");
        if (!b.equals("openai")) throw PonderException.invalid("--problems needs a live backend: --backend openai (was \"%s\")", b);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw PonderException.invalid("--base-url must start with http:// or https://, was \"%s\"", baseUrl);
        }
        String m = model.orElseThrow(() -> PonderException.invalid("--problems with the openai backend needs --model NAME"));
        ProblemSet set = ProblemSetReader.read(file);
        AnswerExtractor ex = AnswerChoice.of(answers, extractor, set.answerKind()).extractor();
        List<Problem> ps = limit.map(l -> set.problems().subList(0, Math.min(l, set.problems().size()))).orElse(set.problems());
        Supplier<Backend> live = () -> {
            var cfg = OpenAiConfig.builder(baseUrl).model(m).prices(catalogue).random(new SplittableRandom(seed));
            if (System.getenv(apiKeyEnv) != null) cfg.apiKey(ApiKey.fromEnv(apiKeyEnv));
            return Backend.openAi(cfg.build());
        };
        return new Source(set.name(), "problems", m, ps, 64, true, set.issues(), live, ex, Verifier.forKind(set.answerKind()), false, concurrency);
    }

    record Source(String name, String kind, String model, List<Problem> problems, int maxSamples, boolean hasCost,
                  List<LineIssue> issues, Supplier<Backend> backend, AnswerExtractor extractor, Verifier verifier,
                  boolean recorded, int concurrency) {
        Evaluation evaluation(Budget budget, long seed) {
            return new Evaluation(model, extractor, recorded, Grader.recordedThen(Grader.verifiedBy(verifier)),
                    budget, seed, concurrency, Evaluation.questionOnly(), InstantSource.system());
        }

        String title(long seed, String order) {
            return String.format("%s (%s, %s, %d problems, %s order, seed %d)", name, kind, model, problems.size(),
                    kind.equals("bank") ? order : "live", seed);
        }
    }
}
