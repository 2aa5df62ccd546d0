package dev.ponder.cli.run;

import dev.ponder.cli.Exit;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.Bars;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.lab.eval.CheckerResources;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.ProblemOutcome;
import dev.ponder.lab.eval.LabSpecs;
import dev.ponder.lab.eval.Summary;
import dev.ponder.lab.live.Preflight;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code ponder run --bank/--problems}: each strategy over each source, one table (or JSON document) per source.
 * Everything that can be checked is checked before the first call: the strategies, a checker for those that need
 * one, OpenAI's URL without a key, a budget too small for one call. A problem whose calls failed after their retries
 * is counted apart from wrong answers; when every call of the run failed, the run ends with exit code 3.
 */
final class SourceRun {
    /** The run's settings besides its sources. */
    record Settings(List<String> specs, Budget budget, long seed, String order, Optional<String> checker, Optional<String> checkerNoise,
                    boolean unsandboxed, boolean json, boolean quiet, Function<String, Backend> judges) {}

    private final Settings s;
    private final PrintWriter out;
    private final PrintWriter err;

    SourceRun(Settings s, PrintWriter out, PrintWriter err) {
        this.s = s;
        this.out = out;
        this.err = err;
    }

    void run(List<RunSource> sources) {
        for (RunSource src : sources) check(src);
        List<Map<String, Object>> docs = new ArrayList<>();
        List<Summary> all = new ArrayList<>();
        try (CheckerResources resources = new CheckerResources(SandboxChoice.of(s.unsandboxed()), s.judges())) {
            for (RunSource src : sources) {
                Warnings.print(err, src.issues());
                List<Summary> rows = rows(src, resources);
                all.addAll(rows);
                if (s.json()) docs.add(doc(src, rows));
                else Tables.print(out, src.title(s.seed(), s.order()), rows, src.hasCost());
                warnFailures(src, rows);
            }
        }
        if (s.json()) JsonOut.print(out, Map.of("runs", docs));
        out.flush();
        if (!all.isEmpty() && all.stream().allMatch(Summary::allFailed)) {
            Summary first = all.getFirst();
            throw new Exit(Exit.ALL_CALLS_FAILED, String.format("every call failed (%d of %d problems): %s", first.failed(), first.problems(),
                    first.failureExample().orElse("no error recorded")));
        }
    }

    /** Refuses, before any call, what would waste the run. */
    private void check(RunSource src) {
        for (String spec : s.specs()) {
            LabSpecs.check(spec, src.maxSamples(), true);
            if (!LabSpecs.isBatch(spec) && LabSpecs.parse(spec, src.maxSamples(), true).needsChecker() && s.checker().isEmpty()) {
                throw PonderException.invalid("strategy %s needs a checker and none is given: add --checker NAME (known: %s)", spec,
                        String.join(", ", CheckerSpec.FORMS));
            }
        }
        if (!src.live()) return;
        Backend probe = src.backend().get();
        Problem longest = src.problems().stream().max(Comparator.comparingInt(p -> p.question().length())).orElseThrow();
        Preflight.oneCall(s.budget(), probe, src.evaluation(s.budget(), s.seed()).request(longest)).ifPresent(why -> {
            throw PonderException.invalid("%s; raise the budget to at least that, or cap each call with --max-tokens", why);
        });
    }

    private List<Summary> rows(RunSource src, CheckerResources resources) {
        List<Summary> rows = new ArrayList<>();
        try (Bars.Bar bar = Bars.open(src.name(), (long) s.specs().size() * src.problems().size(), s.quiet() || s.json())) {
            for (String spec : s.specs()) {
                Evaluation eval = src.evaluation(s.budget(), s.seed());
                if (s.checker().isPresent()) eval = eval.withChecker(resources.checker(s.checker().get(), s.checkerNoise(), new SplittableRandom(s.seed())));
                if (LabSpecs.isBatch(spec)) {
                    BatchStrategy batch = BatchStrategy.parse(spec, src.maxSamples());
                    rows.add(Summary.of(batch.name(), eval.runBatch(batch, src.backend().get(), src.problems())));
                    src.problems().forEach(p -> bar.step());
                    continue;
                }
                Strategy strategy = LabSpecs.parse(spec, src.maxSamples(), true, src.dataset());
                List<ProblemOutcome> outcomes = eval.run(strategy, src.backend().get(), src.problems(), bar::step);
                rows.add(Summary.of(strategy.name(), outcomes));
            }
        }
        return rows;
    }

    private Map<String, Object> doc(RunSource src, List<Summary> rows) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", src.name());
        d.put("kind", src.kind());
        d.put("model", src.model());
        d.put("problems", src.problems().size());
        d.put("seed", s.seed());
        if (src.live() && !src.sampling().isDefault()) d.put("sampling", src.sampling().label());
        d.put("rows", rows);
        return d;
    }

    /** Some problems failed (not all of the run's): say so once per source, with an example. */
    private void warnFailures(RunSource src, List<Summary> rows) {
        rows.stream().filter(r -> r.failed() > 0 && !r.allFailed()).findFirst().ifPresent(r -> err.printf(
                "ponder: warning: %s: %d of %d problems failed under %s and are counted apart, e.g. %s%n", src.name(), r.failed(), r.problems(),
                r.strategy(), r.failureExample().orElse("no error recorded")));
        err.flush();
    }
}
