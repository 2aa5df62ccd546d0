package dev.ponder.lab.cost;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.RunInfo;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A stored run's outcomes as observations: each configuration's tier is its {@code strategy:model}, each outcome
 * (one problem) a query with its tokens and the summed latency of its calls. Replayed banks record no time, so
 * their queries carry tokens only; outcomes that ended in an error are left out, and counted in a note.
 */
public final class StoreObservations {
    private StoreObservations() {}

    public static Observations read(SampleStore store, String runId) {
        RunInfo run = store.run(runId).orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND, "no run \"" + runId + "\" in "
                + store.file() + "; runs: " + store.runs().stream().map(RunInfo::runId).toList()));
        Map<String, ConfigRow> configs = store.configs(run.runId()).stream().collect(Collectors.toMap(ConfigRow::configId, Function.identity()));
        List<ObservedQuery> queries = new ArrayList<>();
        Set<String> replayed = new LinkedHashSet<>();
        int failed = 0;
        String source = "run " + run.runId();
        for (StoredOutcome o : store.outcomes(run.runId())) {
            if (o.error().isPresent()) {
                failed++;
                continue;
            }
            ConfigRow c = configs.get(o.configId());
            boolean replay = c.sourceKind().equals("bank");
            String tier = c.strategy() + ":" + c.model();
            if (replay) replayed.add(tier);
            queries.add(new ObservedQuery(tier, o.inputTokens(), o.outputTokens(), replay ? OptionalDouble.empty() : OptionalDouble.of(o.latencyMs()), source));
        }
        List<String> notes = new ArrayList<>();
        if (failed > 0) notes.add(source + ": " + failed + " outcome(s) that ended in an error are left out");
        if (!replayed.isEmpty()) notes.add(source + ": replayed banks record no time (and most record no input tokens), so these tiers have no latency from it: " + replayed);
        if (queries.isEmpty() && failed == 0) notes.add(source + " has no outcomes");
        return Observations.of(queries, notes);
    }
}
