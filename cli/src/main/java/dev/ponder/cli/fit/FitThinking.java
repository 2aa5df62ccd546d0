package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.error.PonderException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/** {@code ponder fit thinking}: accuracy against thinking tokens per model, with pass^k from repeated trials. */
@Command(name = "thinking", mixinStandardHelpOptions = true,
        description = "Per model: accuracy, thinking tokens, $/query, accuracy per doubling of thinking tokens, pass^k.")
final class FitThinking implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--outcomes", required = true,
            description = "folder with outcomes.csv (and optionally repeated_trials*.csv), or an outcomes CSV file")
    Path outcomes;

    @Option(names = "--dataset", description = "only these datasets (repeatable; default all)")
    List<String> datasets = new ArrayList<>();

    @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap resamples for the slope (default ${DEFAULT-VALUE})")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "bootstrap seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    private int unscored;

    @Override
    public Integer call() {
        FlagChecks.between("--bootstrap", bootstrap, 1, 100_000);
        if (!Files.exists(outcomes)) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "outcomes not found: " + outcomes);
        }
        OutcomeRow.Table table = OutcomeRow.read(outcomes);
        unscored = table.unscored();
        List<OutcomeRow> rows = table.rows().stream()
                .filter(o -> datasets.isEmpty() || datasets.contains(o.dataset())).toList();
        if (rows.isEmpty()) throw new IllegalArgumentException("no outcome rows" + (datasets.isEmpty() ? "" : " for datasets " + datasets));
        Map<String, List<OutcomeRow>> byModel = new LinkedHashMap<>();
        rows.forEach(o -> byModel.computeIfAbsent(o.model(), m -> new ArrayList<>()).add(o));
        RepeatedTrials trials = RepeatedTrials.read(Files.isDirectory(outcomes) ? outcomes : outcomes.toAbsolutePath().getParent());
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        List<ThinkingSummary> models = new ArrayList<>();
        byModel.forEach((m, list) -> models.add(ThinkingSummary.of(m, list, bootstrap, rng)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = toJson(rows, models, trials);
            for (var node : root.get("models")) {   // per-dataset rows, JSON only
                ArrayNode by = ((ObjectNode) node).putArray("by_dataset");
                Map<String, List<OutcomeRow>> perDataset = new LinkedHashMap<>();
                byModel.get(node.get("model").asText()).forEach(o -> perDataset.computeIfAbsent(o.dataset(), d -> new ArrayList<>()).add(o));
                perDataset.forEach((d, list) -> {
                    ThinkingSummary s = ThinkingSummary.of(d, list, bootstrap, rng);
                    ObjectNode o = by.addObject();
                    o.put("dataset", d);
                    o.put("queries", s.queries());
                    o.put("accuracy", s.accuracy().estimate());
                    o.put("ci_low", s.accuracy().low());
                    o.put("ci_high", s.accuracy().high());
                    putNumber(o, "mean_thinking_tokens", s.meanThinking());
                    putNumber(o, "cost_per_query", s.costPerQuery());
                    s.slope().ifPresentOrElse(e -> {
                        o.put("slope_per_doubling", e.value());
                        o.put("slope_ci_low", e.low());
                        o.put("slope_ci_high", e.high());
                    }, () -> o.putNull("slope_per_doubling"));
                });
            }
            JsonOut.print(out, root);
        }
        else printText(out, rows, models, trials);
        return 0;
    }

    private ObjectNode toJson(List<OutcomeRow> rows, List<ThinkingSummary> models, RepeatedTrials trials) {
        ObjectNode root = JsonOut.object();
        root.put("outcomes", outcomes.toString());
        root.put("unscored_rows_skipped", unscored);
        ArrayNode ds = root.putArray("datasets");
        rows.stream().map(OutcomeRow::dataset).distinct().forEach(ds::add);
        ArrayNode arr = root.putArray("models");
        for (ThinkingSummary s : models) {
            ObjectNode o = arr.addObject();
            o.put("model", s.model());
            o.put("queries", s.queries());
            o.put("accuracy", s.accuracy().estimate());
            o.put("ci_low", s.accuracy().low());
            o.put("ci_high", s.accuracy().high());
            o.put("queries_with_thinking", s.withThinking());
            putNumber(o, "mean_thinking_tokens", s.meanThinking());
            putNumber(o, "median_thinking_tokens", s.medianThinking());
            putNumber(o, "cost_per_query", s.costPerQuery());
            if (s.slope().isPresent()) {
                o.put("slope_per_doubling", s.slope().get().value());
                o.put("slope_ci_low", s.slope().get().low());
                o.put("slope_ci_high", s.slope().get().high());
            } else {
                o.putNull("slope_per_doubling");
            }
            ObjectNode phk = o.putObject("pass_hat_k");
            trials.passHatK(s.model()).forEach((k, v) -> phk.put(String.valueOf(k), v));
            o.put("repeated_trial_queries", trials.queries(s.model()));
            ArrayNode bins = o.putArray("bins");
            for (ThinkingSummary.Bin b : s.bins()) {
                ObjectNode bn = bins.addObject();
                bn.put("tokens_from", b.lo());
                bn.put("tokens_to", b.hi());
                bn.put("queries", b.queries());
                bn.put("mean_tokens", b.meanTokens());
                bn.put("accuracy", b.accuracy().estimate());
                bn.put("ci_low", b.accuracy().low());
                bn.put("ci_high", b.accuracy().high());
            }
        }
        ObjectNode rt = root.putObject("repeated_trials");
        rt.put("unscored_rows_skipped", trials.unscored());
        rt.put("duplicate_rows_skipped", trials.duplicates());
        root.put("slope_method", "OLS of score on log2(thinking tokens) within datasets (dataset fixed effects); "
                + "percentile bootstrap over queries; an association, not a causal effect");
        root.put("bootstrap", bootstrap);
        root.put("seed", seed);
        return root;
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) o.putNull(field); else o.put(field, v);
    }

    private void printText(PrintWriter out, List<OutcomeRow> rows, List<ThinkingSummary> models, RepeatedTrials trials) {
        out.printf("accuracy vs thinking tokens: %d rows, datasets %s%n", rows.size(),
                rows.stream().map(OutcomeRow::dataset).distinct().toList());
        out.printf("%-26s %6s %22s %9s %9s %9s %24s  %s%n", "model", "n", "accuracy [95%]", "mean thk", "med thk",
                "$/query", "pts/doubling [95%]", "pass^k (k=1..)");
        for (ThinkingSummary s : models) {
            String slope = s.slope().map(e -> String.format("%+.2f [%+.2f, %+.2f]", 100 * e.value(), 100 * e.low(), 100 * e.high()))
                    .orElse("n/a");
            StringBuilder phk = new StringBuilder();
            trials.passHatK(s.model()).forEach((k, v) -> phk.append(String.format("%.3f ", v)));
            out.printf("%-26s %6d %6.3f [%5.3f, %5.3f] %9.0f %9.0f %9.5f %24s  %s%n", s.model(), s.queries(),
                    s.accuracy().estimate(), s.accuracy().low(), s.accuracy().high(), s.meanThinking(), s.medianThinking(),
                    s.costPerQuery(), slope, phk.isEmpty() ? "-" : phk.toString().trim());
        }
        out.println("pts/doubling: accuracy points per doubling of thinking tokens, within datasets (association, not causation).");
        if (unscored > 0) out.printf("outcomes: %d rows have no score and were skipped%n", unscored);
        if (trials.unscored() > 0) {
            out.printf("repeated trials: %d rows have no score and were skipped%n", trials.unscored());
        }
        out.println();
        for (ThinkingSummary s : models) {
            out.printf("%s: accuracy by thinking tokens%n", s.model());
            for (ThinkingSummary.Bin b : s.bins()) {
                out.printf("  [%7.0f, %7.0f) %5d queries  accuracy %.3f [%.3f, %.3f]%n", b.lo(), b.hi(), b.queries(),
                        b.accuracy().estimate(), b.accuracy().low(), b.accuracy().high());
            }
        }
        out.flush();
    }
}
