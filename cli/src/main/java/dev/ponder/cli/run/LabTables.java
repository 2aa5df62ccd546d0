package dev.ponder.cli.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.strategy.StopReason;
import dev.ponder.lab.eval.ProblemOutcome;
import dev.ponder.lab.eval.Summary;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A run's tables from the store: one per (source, backend, model, budget, seed), one row per strategy. */
final class LabTables {
    private LabTables() {}

    record Group(ConfigRow first, int problems, List<Summary> rows) {}

    static List<Group> groups(SampleStore store, String runId) {
        Map<String, List<StoredOutcome>> byConfig = new LinkedHashMap<>();
        for (StoredOutcome o : store.outcomes(runId)) byConfig.computeIfAbsent(o.configId(), k -> new ArrayList<>()).add(o);
        Map<String, List<ConfigRow>> grouped = new LinkedHashMap<>();
        for (ConfigRow c : store.configs(runId)) {
            String g = String.join("|", c.source(), c.backend(), c.model(), c.budget(), String.valueOf(c.seed()));
            grouped.computeIfAbsent(g, k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>();
        for (List<ConfigRow> cs : grouped.values()) {
            List<Summary> rows = new ArrayList<>();
            int problems = 0;
            for (ConfigRow c : cs) {
                List<StoredOutcome> os = byConfig.getOrDefault(c.configId(), List.of());
                if (os.isEmpty()) continue;
                problems = Math.max(problems, os.size());
                rows.add(Summary.of(c.strategy(), os.stream().map(LabTables::outcome).toList()));
            }
            if (!rows.isEmpty()) out.add(new Group(cs.getFirst(), problems, rows));
        }
        return out;
    }

    static void print(PrintWriter out, SampleStore store, String runId) {
        for (Group g : groups(store, runId)) {
            ConfigRow c = g.first();
            String title = String.format("%s (%s, %s, %d problems, %s, seed %d%s)", c.source(), c.sourceKind(), c.model(), g.problems(),
                    c.sourceKind().equals("bank") ? (c.backend().endsWith("recorded") ? "recorded order" : "shuffled order") : c.backend(), c.seed(), c.budget().equals("unlimited") ? "" : ", budget " + c.budget());
            Tables.print(out, title, g.rows(), c.priceOutput() > 0 || g.rows().stream().anyMatch(r -> r.costPerProblem() > 0));
        }
    }

    static ObjectNode json(SampleStore store, String runId) {
        ObjectNode doc = JsonOut.object();
        doc.put("run_id", runId);
        ArrayNode runs = doc.putArray("runs");
        for (Group g : groups(store, runId)) {
            ObjectNode r = runs.addObject();
            r.put("source", g.first().source());
            r.put("kind", g.first().sourceKind());
            r.put("backend", g.first().backend());
            r.put("model", g.first().model());
            r.put("budget", g.first().budget());
            r.put("problems", g.problems());
            r.put("seed", g.first().seed());
            ArrayNode rows = r.putArray("rows");
            for (Summary s : g.rows()) rows.add(JsonOut.tree(s));
        }
        return doc;
    }

    static ProblemOutcome outcome(StoredOutcome o) {
        return new ProblemOutcome(o.problemId(), o.answer(), o.correct(), o.samples(), o.outputTokens(), o.reasoningTokens(),
                o.dollars(), StopReason.valueOf(o.stop()), o.failure(), Optional.empty());
    }
}
