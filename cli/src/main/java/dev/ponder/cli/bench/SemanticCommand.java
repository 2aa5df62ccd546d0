package dev.ponder.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.Home;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.lab.semantic.CalibrationSet;
import dev.ponder.lab.semantic.MiniLm;
import dev.ponder.lab.semantic.ThresholdCalibration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code ponder bench semantic}: the similarity threshold of the {@code semantic} answer kind, chosen on a paraphrase set. */
@Command(name = "semantic", mixinStandardHelpOptions = true,
        description = {"Chooses the cosine-similarity threshold at which the semantic answer kind groups two answers, on a set of",
                "questions each answered in several meanings and wordings (default: data/semantic/calibration.jsonl): the",
                "threshold whose simulated votes (a majority meaning against a minority one, in seeded orders) most often reply",
                "with the majority meaning; cross-fitted over two halves of the questions. Uses the in-process MiniLM model."})
final class SemanticCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--set", description = "calibration JSONL: {\"id\", \"question\", \"meanings\": [[wording, ...], ...]} a line")
    Optional<Path> set = Optional.empty();
    @Option(names = "--seed", defaultValue = "0", description = "seeds the orders in which each simulated vote's answers arrive (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--orders", defaultValue = "10", description = "seeded orders per simulated vote, 1 to 10000 (default ${DEFAULT-VALUE})")
    int orders;
    @Option(names = "--json", description = "print JSON") boolean json;

    @Override
    public void run() {
        FlagChecks.between("--orders", orders, 1, 10_000);
        PrintWriter out = spec.commandLine().getOut();
        CalibrationSet cs = CalibrationSet.read(set.orElse(Home.root().resolve("data/semantic/calibration.jsonl")));
        Warnings.print(spec.commandLine().getErr(), cs.issues());
        ThresholdCalibration.Result r = ThresholdCalibration.run(cs, MiniLm.embedder(), MiniLm.MODEL, seed, orders);
        if (json) {
            var o = JsonOut.object().put("set", cs.file().toString()).put("model", r.model()).put("questions", r.questions())
                    .put("same_meaning_pairs", r.samePairs()).put("different_meaning_pairs", r.differentPairs()).put("votes", r.votes())
                    .put("seed", r.seed()).put("threshold", r.threshold()).put("shipped_threshold", MiniLm.THRESHOLD)
                    .put("cross_fitted_votes_right", r.crossFittedVotesRight()).put("identical_text_votes_right", r.identicalTextVotesRight());
            o.set("half_thresholds", JsonOut.pair(r.halfThresholds().get(0), r.halfThresholds().get(1)));
            o.set("in_sample", rates(r.inSample()));
            var table = JsonOut.array();
            r.table().forEach(row -> table.add(rates(row)));
            o.set("table", table);
            JsonOut.print(out, o);
            return;
        }
        out.printf("%s: %d questions; %d same-meaning and %d different-meaning pairs; %d simulated votes (%d seeded orders, seed %d); model %s%n",
                cs.file(), r.questions(), r.samePairs(), r.differentPairs(), r.votes(), orders, r.seed(), r.model());
        out.printf("  %-10s %13s %18s %12s%n", "threshold", "same grouped", "different grouped", "votes right");
        for (var row : r.table()) line(out, row);
        out.printf("%nchosen (most votes right, in-sample):%n");
        line(out, r.inSample());
        out.printf("cross-fitted votes right (each half at the other half's threshold, %.2f and %.2f): %.4f%n",
                r.halfThresholds().get(0), r.halfThresholds().get(1), r.crossFittedVotesRight());
        out.printf("votes right counting identical texts only: %.4f%n", r.identicalTextVotesRight());
        out.printf("shipped threshold (MiniLm.THRESHOLD): %.2f%n", MiniLm.THRESHOLD);
        out.flush();
    }

    private static ObjectNode rates(ThresholdCalibration.Row row) {
        return JsonOut.object().put("threshold", row.threshold()).put("same_grouped", row.sameGrouped())
                .put("different_grouped", row.differentGrouped()).put("votes_right", row.votesRight());
    }

    private static void line(PrintWriter out, ThresholdCalibration.Row row) {
        out.printf("  %-10.2f %13.4f %18.4f %12.4f%n", row.threshold(), row.sameGrouped(), row.differentGrouped(), row.votesRight());
    }
}
