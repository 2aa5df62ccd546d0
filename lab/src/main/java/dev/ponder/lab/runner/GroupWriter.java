package dev.ponder.lab.runner;

import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The store's one writer: finished units queue here and are written in group commits (everything queued, up to
 * {@code maxGroup} units, in one transaction). A transaction only ever holds whole units, so each unit is still
 * stored entirely or not at all; grouping only saves the per-commit sync that made one transaction per unit slow.
 */
final class GroupWriter implements Runnable {
    private record Pending(List<Unit> units, double dollars) {}

    private static final Pending END = new Pending(List.of(), 0);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SampleStore store;
    private final String runId;
    private final int maxGroup;
    private final RunProgress progress;
    private final Consumer<RuntimeException> onFailure;
    private volatile boolean failed;
    private long units;
    private long samples;
    private long nanos;

    GroupWriter(SampleStore store, String runId, int maxGroup, RunProgress progress, Consumer<RuntimeException> onFailure) {
        this.store = store;
        this.runId = runId;
        this.maxGroup = maxGroup;
        this.progress = progress;
        this.onFailure = onFailure;
    }

    void submit(List<Unit> us, double dollars) {
        if (!failed) queue.add(new Pending(us, dollars));
    }

    /** No more units: the writer drains the queue and ends. */
    void close() { queue.add(END); }

    @Override
    public void run() {
        List<Pending> group = new ArrayList<>();
        boolean end = false;
        while (!end) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (group.getFirst() != END) queue.drainTo(group, maxGroup - 1);
            end = group.remove(END);
            if (group.isEmpty() || failed) continue;
            List<Unit> all = new ArrayList<>();
            group.forEach(p -> all.addAll(p.units()));
            long t0 = System.nanoTime();
            try {
                store.write(runId, all);
            } catch (RuntimeException e) {
                failed = true;
                onFailure.accept(e);
                continue;
            }
            long took = System.nanoTime() - t0;
            int n = all.stream().mapToInt(u -> u.samples().size()).sum();
            synchronized (this) {
                nanos += took;
                units += all.size();
                samples += n;
            }
            progress.stored(all.size(), n, group.stream().mapToDouble(Pending::dollars).sum());
        }
    }

    synchronized long units() { return units; }

    synchronized long samples() { return samples; }

    synchronized long nanos() { return nanos; }
}
