package dev.ponder.lab.runner;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.ratelimit.TokenBucket;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.lab.plan.Config;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.Unit;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a plan's units on virtual threads and stores each as it finishes. A unit is one configuration on one
 * problem; for a strategy that learns across questions it is the whole configuration (fed in problem order), so
 * resumed runs give the same answers. Units already in the store are skipped. {@link #stop()} (Ctrl-C) starts no
 * new unit and lets those in flight finish and be stored; {@code maxDollars} refuses any call that could pass the
 * limit, and the unit it belonged to is dropped, not stored half-done.
 */
public final class Runner {
    /**
     * How the runner runs: units in flight at once, the most units one commit groups, the run's dollar limit, the
     * clock and sleeper for sessions and rate limits, retries of a failed live call, the catalogue a judge model is
     * priced from, and how the {@code java-tests} checker's sandbox is started (the {@code sandbox} module's, given by the
     * CLI: the lab starts no processes itself).
     */
    public record Settings(int unitsInFlight, int unitsPerCommit, Optional<Double> maxDollars, InstantSource clock, TokenBucket.Sleeper sleeper,
                           int maxRetries, PriceCatalogue prices, Supplier<JavaSandbox> sandboxes) {
        public Settings {
            if (unitsInFlight < 1) throw new IllegalArgumentException("units in flight must be >= 1, was " + unitsInFlight);
            if (unitsPerCommit < 1) throw new IllegalArgumentException("units per commit must be >= 1, was " + unitsPerCommit);
            if (maxRetries < 0) throw new IllegalArgumentException("retries must be >= 0, was " + maxRetries);
        }

        public Settings(int unitsInFlight, int unitsPerCommit, Optional<Double> maxDollars, InstantSource clock, TokenBucket.Sleeper sleeper) {
            this(unitsInFlight, unitsPerCommit, maxDollars, clock, sleeper, 3, PriceCatalogue.shipped(), Settings::noSandbox);
        }

        public static Settings defaults() {
            return new Settings(32, 512, Optional.empty(), InstantSource.system(), TokenBucket.Sleeper.system());
        }

        public Settings withMaxDollars(Optional<Double> d) {
            return new Settings(unitsInFlight, unitsPerCommit, d, clock, sleeper, maxRetries, prices, sandboxes);
        }

        public Settings withLive(int retries, PriceCatalogue catalogue, Supplier<JavaSandbox> sandbox) {
            return new Settings(unitsInFlight, unitsPerCommit, maxDollars, clock, sleeper, retries, catalogue, sandbox);
        }

        private static JavaSandbox noSandbox() {
            throw PonderException.invalid("the java-tests checker needs a sandbox and this run was given none");
        }
    }

    private final SampleStore store;
    private final Settings settings;
    private final RunProgress progress;
    private final Backends backends;
    private final RunCheckers checkers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final AtomicLong failedUnits = new AtomicLong();
    private final AtomicReference<String> failureExample = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    public Runner(SampleStore store, Settings settings, RunProgress progress, Backends backends) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
        this.backends = backends;
        this.checkers = new RunCheckers(settings.sandboxes(), backends);
    }

    /** Starts no new unit; those in flight finish and are stored. */
    public void stop() { stopping.set(true); }

    /** Waits until the current {@link #run} has returned or the timeout passed (for a shutdown hook). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public RunSummary run(String runId, List<Config> configs) {
        try {
            return runUnits(runId, configs);
        } finally {
            checkers.close();
            progress.finish();
            finished.countDown();
        }
    }

    private RunSummary runUnits(String runId, List<Config> configs) {
        Set<String> done = store.doneUnits(runId);
        SpendGuard guard = settings.maxDollars().map(SpendGuard::new).orElseGet(SpendGuard::unlimited);
        List<Consumer<Sink>> work = new ArrayList<>();
        AtomicBoolean overSpend = new AtomicBoolean();
        long total = 0;
        long skipped = 0;
        for (Config c : configs) {
            Strategy probe = registry(c).parse(c.strategy());
            List<Problem> todo = c.source().problems().stream().filter(p -> !done.contains(Unit.key(c.id(), p.id()))).toList();
            total += c.source().problems().size();
            skipped += c.source().problems().size() - todo.size();
            if (todo.isEmpty()) continue;
            if (probe.learnsAcrossQuestions()) {
                work.add(sink -> unit(c, todo, guard, overSpend, sink));
            } else {
                for (Problem p : todo) work.add(sink -> unit(c, List.of(p), guard, overSpend, sink));
            }
        }
        progress.start(total, skipped);
        GroupWriter writer = new GroupWriter(store, runId, settings.unitsPerCommit(), progress, e -> {
            failure.compareAndSet(null, e);
            stopping.set(true);
        });
        Sink sink = writer::submit;
        Thread writerThread = Thread.ofVirtual().name("store-writer").start(writer);
        Semaphore slots = new Semaphore(settings.unitsInFlight());
        try (ExecutorService pool = Telemetry.current().wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            for (Consumer<Sink> w : work) {
                if (stopping.get() || failure.get() != null || overSpend.get()) break;
                slots.acquireUninterruptibly();
                if (stopping.get() || failure.get() != null || overSpend.get()) {
                    slots.release();
                    break;
                }
                pool.submit(() -> {
                    try {
                        w.accept(sink);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        writer.close();
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) throw failure.get();
        long stored = writer.units();
        RunSummary.Ending ending = overSpend.get() ? RunSummary.Ending.MAX_DOLLARS
                : stored + skipped < total ? RunSummary.Ending.INTERRUPTED : RunSummary.Ending.COMPLETE;
        return new RunSummary(runId, total, stored, skipped, writer.samples(), writer.nanos() / 1e9, guard.spent(), ending,
                Optional.ofNullable(refusal.get()), failedUnits.get(), Optional.ofNullable(failureExample.get()));
    }

    /** A bank's name tells {@code adaptive} which shipped calibration fits where two share a model and answer kind. */
    private static StrategyRegistry registry(Config c) { return StrategyRegistry.forDataset(c.source().bank().map(b -> b.name())); }

    interface Sink {
        void accept(List<Unit> units, double dollars);
    }

    /** Solves the problems in order with one strategy instance and stores them together, unless a call was refused. */
    private void unit(Config c, List<Problem> problems, SpendGuard guard, AtomicBoolean overSpend, Sink sink) {
        Strategy strategy = registry(c).parse(c.strategy());
        LimitedBackend backend = LimitedBackend.of(backends.backendFor(c), backends.limitsFor(c), guard);
        Evaluation eval = new Evaluation(c.model(), c.source().extractor(), c.source().bank().isPresent(),
                Grader.recordedThen(Grader.verifiedBy(c.source().verifier())), c.budget().toBudget(), c.seed(), 1,
                Evaluation.questionOnly(), settings.clock()).withSampling(c.sampling());
        if (c.checker().isPresent()) {
            eval = eval.withChecker(checkers.checker(c.checker().get(), c.checkerNoise(), new SplittableRandom(c.seed()), c));
        }
        Grader grader = eval.grader();
        List<Unit> units = new ArrayList<>(problems.size());
        double dollars = 0;
        for (Problem p : problems) {
            if (stopping.get()) return;
            Result r = eval.solve(strategy, backend, p);
            if (backend.refused()) {
                backend.refusal().ifPresent(why -> refusal.compareAndSet(null, why));
                overSpend.set(true);
                return;
            }
            if (r.failed()) {
                failedUnits.incrementAndGet();
                r.failure().ifPresent(f -> failureExample.compareAndSet(null, f.written()));
            }
            units.add(Units.of(c.id(), p, r, !r.failed() && grader.correct(p, r), c.source().verifier()));
            dollars += r.usage().dollars();
        }
        sink.accept(units, dollars);
    }
}
