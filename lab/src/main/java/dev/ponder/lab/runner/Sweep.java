package dev.ponder.lab.runner;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.lab.plan.Config;
import dev.ponder.lab.plan.Expansion;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.Source;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.RunInfo;
import dev.ponder.lab.store.SampleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's run in a store: a new run (id {@code <plan>-<yyyyMMdd-HHmmss>}), or, when resuming, the newest run
 * of the same plan name, whose stored units the runner then skips. Records the run, its configurations and the
 * problems of its sources before any unit runs.
 */
public record Sweep(String runId, List<Config> configs, boolean resumed, Optional<String> note) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public static Sweep start(LoadedPlan lp, SampleStore store, boolean resume, PriceCatalogue catalogue, InstantSource clock) {
        return start(lp, Expansion.expand(lp, catalogue), store, resume, clock);
    }

    /** As above, with the plan's configurations already expanded (and checked). */
    public static Sweep start(LoadedPlan lp, List<Config> configs, SampleStore store, boolean resume, InstantSource clock) {
        String name = lp.plan().name();
        Optional<RunInfo> previous = resume ? store.latestRunOf(name) : Optional.empty();
        Optional<String> note = Optional.empty();
        String runId;
        if (previous.isPresent()) {
            runId = previous.get().runId();
            if (!previous.get().planHash().equals(lp.hash())) {
                note = Optional.of("the plan changed since run " + runId + " started; configurations already stored are kept, new ones are added");
            }
        } else {
            if (resume) note = Optional.of("no earlier run of plan \"" + name + "\" in " + store.file() + ": starting a new one");
            String base = name + "-" + STAMP.format(clock.instant());
            runId = base;
            for (int i = 2; store.run(runId).isPresent(); i++) runId = base + "-" + i;
            store.startRun(new RunInfo(runId, name, lp.file().toString(), lp.hash(), text(lp), clock.instant()));
        }
        store.addConfigs(runId, configs.stream().map(Sweep::row).toList());
        Set<Source> sources = new LinkedHashSet<>();
        configs.forEach(c -> sources.add(c.source()));
        for (Source s : sources) store.addProblems(runId, s.name(), s.problems());
        return new Sweep(runId, configs, previous.isPresent(), note);
    }

    private static String text(LoadedPlan lp) {
        try {
            return Files.isRegularFile(lp.file()) ? Files.readString(lp.file()) : lp.plan().toString();
        } catch (IOException e) {
            return lp.plan().toString();
        }
    }

    static ConfigRow row(Config c) {
        return new ConfigRow(c.id(), c.ordinal(), c.source().name(), c.source().kind(), c.source().domain(), c.backend().name(), c.model(),
                c.strategy(), c.budget().label(), c.seed(), c.price().inputPerMillion(), c.price().outputPerMillion());
    }
}
