package dev.ponder.cli.run;

import dev.ponder.cli.Exit;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.Bars;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.plan.Config;
import dev.ponder.lab.plan.Expansion;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.Source;
import dev.ponder.lab.report.Report;
import dev.ponder.lab.runner.Backends;
import dev.ponder.lab.runner.RunProgress;
import dev.ponder.lab.runner.RunSummary;
import dev.ponder.lab.runner.Runner;
import dev.ponder.lab.runner.Sweep;
import dev.ponder.lab.store.SampleStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Runs a plan into the sample store, prints its tables, writes its report and says where both are. */
final class PlanRun {
    record Options(boolean resume, Optional<Double> maxDollars, Optional<Path> store, Optional<Path> reportDir, boolean report,
                   boolean progress, boolean json, PriceCatalogue catalogue, int retries, boolean unsandboxed) {}

    private PlanRun() {}

    static void run(LoadedPlan lp, Options o, PrintWriter out, PrintWriter err) {
        Runner.Settings settings = Runner.Settings.defaults().withMaxDollars(o.maxDollars().or(() -> lp.plan().maxDollars()))
                .withLive(o.retries(), o.catalogue(), SandboxChoice.of(o.unsandboxed()));
        try (Backends backends = new Backends(settings)) {
            run(lp, o, settings, backends, out, err);
        }
    }

    private static void run(LoadedPlan lp, Options o, Runner.Settings settings, Backends backends, PrintWriter out, PrintWriter err) {
        Path storeFile = o.store().orElseGet(() -> lp.plan().store().map(s -> lp.resolve(s)).orElse(Path.of(".ponder", "lab.duckdb")));
        InstantSource clock = InstantSource.system();
        // everything that can be refused is refused before the store is touched: sources, strategies, keys, budgets
        List<Config> configs = Expansion.expand(lp, o.catalogue());
        List<String> priceWarnings;
        try {
            priceWarnings = backends.preflight(configs, o.catalogue());
        } catch (PonderException e) {
            throw PonderException.invalid("%s: %s", lp.file(), e.getMessage());
        }
        try (SampleStore store = SampleStore.open(storeFile, clock)) {
            Sweep sweep = Sweep.start(lp, configs, store, o.resume(), clock);
            Set<Source> sources = new LinkedHashSet<>();
            for (Config c : sweep.configs()) sources.add(c.source());
            for (Source s : sources) Warnings.print(err, s.issues());
            priceWarnings.forEach(w -> err.println("ponder: warning: " + w));
            sweep.note().ifPresent(n -> err.println("ponder: " + n));
            RunProgress progress = o.progress() && !o.json() && Bars.wanted(false) ? new Bar() : RunProgress.none();
            Runner runner = new Runner(store, settings, progress, backends);
            Thread hook = Thread.ofPlatform().unstarted(() -> {
                runner.stop();
                System.err.println("\nponder: stopping after the calls in flight; resume with: ponder run " + lp.file() + " --resume");
                try {
                    runner.awaitFinished(Duration.ofMinutes(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            RunSummary summary;
            try {
                summary = runner.run(sweep.runId(), sweep.configs());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for us
                }
            }
            Optional<Path> report = Optional.empty();
            if (o.report() && summary.ending() == RunSummary.Ending.COMPLETE) {
                Path dir = o.reportDir().orElse(Path.of(".ponder", "reports", sweep.runId()));
                report = Optional.of(Report.write(store, sweep.runId(), dir));
            }
            if (o.json()) {
                var doc = LabTables.json(store, sweep.runId());
                doc.put("store", storeFile.toAbsolutePath().toString());
                report.ifPresent(r -> doc.put("report", r.toAbsolutePath().toString()));
                doc.put("ending", summary.ending().name().toLowerCase(Locale.ROOT));
                JsonOut.print(out, doc);
            } else {
                LabTables.print(out, store, sweep.runId());
                out.println();
                out.printf("run %s: %d units (%d stored now, %d already stored), %d samples written at %.0f samples/s, $%.4f spent%n",
                        sweep.runId(), summary.units(), summary.stored(), summary.skipped(), summary.samples(), summary.ingestRate(), summary.dollars());
                out.println("store:  " + storeFile.toAbsolutePath());
                report.ifPresent(r -> out.println("report: " + r.toAbsolutePath()));
                out.flush();
            }
            String limit = o.maxDollars().isPresent() ? "--max-dollars" : "the plan's max_dollars";
            switch (summary.ending()) {
                case COMPLETE -> { }
                case INTERRUPTED -> err.println("ponder: run " + sweep.runId() + " stopped early; resume with: ponder run " + lp.file() + " --resume");
                case MAX_DOLLARS -> err.printf("ponder: stopped before exceeding %s $%.4f: %s; raise it and resume with --resume%n", limit,
                        settings.maxDollars().orElseThrow(), summary.refusal().orElse(String.format("$%.4f spent", summary.dollars())));
            }
            err.flush();
            failures(summary, lp, err);
        }
    }

    /** Units whose calls failed are stored as failed; when they are all the run stored, the run ends with exit code 3. */
    private static void failures(RunSummary summary, LoadedPlan lp, PrintWriter err) {
        if (summary.failed() == 0) return;
        String example = summary.failureExample().orElse("no error recorded");
        if (summary.failed() == summary.stored()) {
            throw new Exit(Exit.ALL_CALLS_FAILED, String.format("every call failed (%d of %d units, stored as failed): %s", summary.failed(),
                    summary.stored(), example));
        }
        err.printf("ponder: warning: %d of %d units failed after their retries and are stored as failed (a new run of %s retries them), e.g. %s%n",
                summary.failed(), summary.stored(), lp.file(), example);
        err.flush();
    }

    /** A terminal progress bar: units done, rate, ETA and dollars spent. */
    private static final class Bar implements RunProgress {
        private me.tongfei.progressbar.ProgressBar bar;
        private double dollars;

        @Override
        public synchronized void start(long total, long alreadyDone) {
            bar = new me.tongfei.progressbar.ProgressBarBuilder().setTaskName("units").setInitialMax(total)
                    .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII).showSpeed().continuousUpdate().build();
            bar.stepTo(alreadyDone);
        }

        @Override
        public synchronized void stored(int units, int samples, double spent) {
            dollars += spent;
            bar.stepBy(units);
            bar.setExtraMessage(String.format(" $%.4f", dollars));
        }

        @Override
        public synchronized void finish() {
            if (bar != null) bar.close();
        }
    }
}
