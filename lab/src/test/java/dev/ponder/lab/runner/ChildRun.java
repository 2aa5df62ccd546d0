package dev.ponder.lab.runner;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.ratelimit.TokenBucket;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.PlanReader;
import dev.ponder.lab.store.SampleStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The child process of {@link ResumeKillTest}: runs (resuming) a plan into a store and prints a line per group
 * commit (one unit a commit here), so the parent can kill it at a chosen point of the run.
 */
public final class ChildRun {
    private ChildRun() {}

    public static void main(String[] args) {
        LoadedPlan lp = PlanReader.read(Path.of(args[0]));
        try (SampleStore store = SampleStore.open(Path.of(args[1]), InstantSource.system())) {
            Runner.Settings s = new Runner.Settings(4, 1, Optional.empty(), InstantSource.system(), TokenBucket.Sleeper.system());
            Sweep sweep = Sweep.start(lp, store, true, PriceCatalogue.shipped(), InstantSource.system());
            System.out.println("started " + sweep.runId());
            System.out.flush();
            RunProgress lines = new RunProgress() {
                public void start(long total, long done) {
                    System.out.println("units " + total + " done " + done);
                    System.out.flush();
                }

                public void stored(int units, int samples, double dollars) {
                    System.out.println("stored " + units + " " + samples);
                    System.out.flush();
                }
            };
            RunSummary r = new Runner(store, s, lines, new Backends(s)).run(sweep.runId(), sweep.configs());
            System.out.println("finished " + r.ending() + " " + r.stored() + " " + r.skipped() + " " + r.samples());
        }
    }
}
