package dev.ponder.cli.bench;

import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.bench.ThinkingBench;
import dev.ponder.lab.bench.ThinkingReport;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.lab.problems.ProblemSet;
import dev.ponder.lab.problems.ProblemSetReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ponder bench thinking}: think@T for several budgets beside vote@N at matched output tokens, on a live server. */
@Command(name = "thinking", mixinStandardHelpOptions = true,
        description = {"Sequential vs parallel test-time compute at equal tokens on an OpenAI-compatible server:",
                "think@T (one chain held to about T thinking tokens by budget forcing) for each budget, beside vote@N",
                "with N = think@T's output tokens / one natural sample's; prints how well each budget was held and",
                "which side wins (paired bootstrap over problems), per domain when the problems carry one."})
final class ThinkingCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--base-url", required = true, description = "OpenAI-compatible base URL, e.g. http://localhost:8000/v1")
    String baseUrl;

    @Option(names = "--model", required = true, description = "model name on the server")
    String model;

    @Option(names = "--problems", required = true, description = "problem set (JSONL; see ponder run --help)")
    Path problems;

    @Option(names = "--budgets", split = ",", defaultValue = "256,1024,4096", description = "thinking budgets T (default ${DEFAULT-VALUE})")
    List<Integer> budgets = new ArrayList<>();

    @Option(names = "--waits", defaultValue = "2", description = "most \"Wait\" extensions per chain (default ${DEFAULT-VALUE})")
    int waits;

    @Option(names = "--family", description = "model family for delimiters and prompt template: think, qwen3, deepseek-r1, s1 (default: guessed from --model)")
    Optional<String> family = Optional.empty();

    @Option(names = "--route", defaultValue = "auto", description = "auto, completions, chat-prefix, chat-follow-up or provider (default ${DEFAULT-VALUE})")
    String route;

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", description = "environment variable holding the API key, if any (default ${DEFAULT-VALUE})")
    String apiKeyEnv;

    @Option(names = "--extractor", description = "answer extractor: exact, number, boxed, choice, code (default: from the data)")
    Optional<String> extractor = Optional.empty();

    @Option(names = "--concurrency", defaultValue = "8", description = "problems in flight at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--limit", description = "use only the first N problems")
    Optional<Integer> limit = Optional.empty();

    @Option(names = "--seed", defaultValue = "0", description = "seed for the backend's jitter and the bootstrap (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--prices", description = "price catalogue JSON (default: the shipped one)")
    Optional<Path> prices = Optional.empty();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public void run() {
        if (budgets.isEmpty() || budgets.size() > 20 || budgets.stream().anyMatch(b -> b == null || b < 16 || b > 1_000_000)) {
            throw PonderException.invalid("--budgets needs 1 to 20 thinking budgets of 16 to 1000000 tokens, was %s", budgets);
        }
        FlagChecks.between("--waits", waits, 0, 100);
        FlagChecks.between("--concurrency", concurrency, 1, 1024);
        limit.ifPresent(l -> FlagChecks.between("--limit", l, 1, Integer.MAX_VALUE));
        ThinkRoute r = ThinkRoute.parse(route);
        Optional<ModelFamily> f = family.map(ModelFamily::named);
        ProblemSet set = ProblemSetReader.read(problems);
        Warnings.print(spec.commandLine().getErr(), set.issues());
        List<Problem> ps = limit.map(l -> set.problems().subList(0, Math.min(l, set.problems().size()))).orElse(set.problems());
        if (ps.isEmpty()) throw PonderException.invalid("%s holds no problems", problems);
        AnswerExtractor ex = extractor.map(AnswerExtractor::forName).orElseGet(() -> AnswerExtractor.forKind(set.answerKind()));
        var verifier = Verifier.forKind(set.answerKind());
        Evaluation eval = new Evaluation(model, ex, false, Grader.recordedThen(Grader.verifiedBy(verifier)), Budget.UNLIMITED,
                seed, concurrency, Evaluation.questionOnly(), InstantSource.system());
        ThinkingReport report;
        try (OpenAiBackend backend = Backend.openAi(OpenAiConfig.builder(baseUrl).model(model).apiKeyFromEnvironmentIfSet(apiKeyEnv)
                .prices(prices.map(PriceCatalogue::load).orElseGet(PriceCatalogue::shipped)).random(new SplittableRandom(seed)).build())) {
            report = new ThinkingBench(eval, waits, f, r, 2000).run(backend, ps, budgets);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOut.print(out, report);
        } else {
            ThinkingText.print(out, report, set.name(), baseUrl, f.map(ModelFamily::name).orElse(ModelFamily.guess(model).name() + " (guessed)"), route);
        }
        out.flush();
    }
}
