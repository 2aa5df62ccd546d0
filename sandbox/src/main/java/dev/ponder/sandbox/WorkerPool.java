package dev.ponder.sandbox;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of warm worker JVMs. A job takes an idle worker (or starts one), and the worker goes back only when the job
 * passed or did not compile; after anything else it is killed and a replacement is started in the background, so
 * no state left by hostile code reaches the next job.
 */
final class WorkerPool implements JavaSandbox {

    private final Launcher launcher;
    private final SandboxLimits limits;
    private final int size;
    private final Semaphore slots;
    private final LinkedBlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
    private final AtomicInteger starting = new AtomicInteger();
    private volatile boolean closed;

    WorkerPool(Launcher launcher, SandboxLimits limits, int size) {
        if (size < 1) throw new IllegalArgumentException("workers must be >= 1, was " + size);
        this.launcher = launcher;
        this.limits = limits;
        this.size = size;
        this.slots = new Semaphore(size);
        for (int i = 0; i < size; i++) replenish();
    }

    @Override
    public JavaRun run(String source, String mainClass, Set<String> trustedTypes) {
        if (closed) throw new PonderException(PonderException.Kind.INTERNAL, "the Java sandbox is closed");
        slots.acquireUninterruptibly();
        try {
            WorkerProcess worker = idle.poll();
            if (worker == null && starting.get() > 0) worker = awaitStarting();
            if (worker == null || !worker.reusable()) {
                if (worker != null) worker.kill();
                worker = WorkerProcess.start(launcher, limits);
            }
            long jobStart = System.nanoTime();
            JavaRun run = worker.run(source, mainClass, String.join(",", trustedTypes), limits);
            if (worker.reusable() && !closed) {
                idle.add(worker);
            } else {
                worker.kill();
                replenish();
            }
            return new JavaRun(run.outcome(), run.detail(), (System.nanoTime() - jobStart) / 1_000_000);
        } finally {
            slots.release();
        }
    }

    @Override
    public String isolation() { return launcher.isolation(); }

    /** A worker is already starting in the background: wait for it rather than start a second JVM. */
    private WorkerProcess awaitStarting() {
        try {
            while (starting.get() > 0 && !closed) {
                WorkerProcess w = idle.poll(50, TimeUnit.MILLISECONDS);
                if (w != null) return w;
            }
            return idle.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void replenish() {
        if (closed) return;
        starting.incrementAndGet();
        Thread.ofVirtual().name("ponder-worker-start").start(() -> {
            try {
                WorkerProcess fresh = WorkerProcess.start(launcher, limits);
                if (closed || idle.size() >= size) {
                    fresh.kill();
                } else {
                    idle.add(fresh);
                    if (closed) drain();
                }
            } catch (PonderException e) {
                // the next job starts a worker itself and reports the error
            } finally {
                starting.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        drain();
        launcher.cleanUp();
    }

    private void drain() {
        WorkerProcess w;
        while ((w = idle.poll()) != null) w.kill();
    }
}
