package dev.ponder.server.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Spend and holds in memory, under one lock; settled entries go to an optional sink (the JSONL file). */
class MemoryLedger implements Ledger {
    private final Map<String, double[]> totals = new HashMap<>();
    private final Optional<Consumer<Entry>> sink;

    MemoryLedger(Optional<Consumer<Entry>> sink) { this.sink = sink; }

    private double[] row(String key, String bucket) { return totals.computeIfAbsent(key + "\u0000" + bucket, k -> new double[2]); }

    @Override
    public synchronized Optional<Hold> hold(String key, String bucket, double want, double atLeast, double limit) {
        double[] r = row(key, bucket);
        double free = limit - r[0] - r[1];
        if (free + 1e-12 < atLeast) return Optional.empty();
        double amount = Math.max(0, Math.min(want, free));
        r[1] += amount;
        return Optional.of(new Hold(key, bucket, amount));
    }

    @Override
    public synchronized void settle(Hold hold, Entry entry) {
        double[] r = row(hold.key(), hold.bucket());
        r[1] = Math.max(0, r[1] - hold.amount());
        r[0] += entry.dollars();
        sink.ifPresent(s -> s.accept(entry));
    }

    @Override
    public synchronized void record(String bucket, Entry entry) {
        row(entry.key(), bucket)[0] += entry.dollars();
        sink.ifPresent(s -> s.accept(entry));
    }

    /** Books spend read back from storage (no sink). */
    synchronized void replay(String key, String bucket, double dollars) { row(key, bucket)[0] += dollars; }

    @Override
    public synchronized Spend spend(String key, String bucket) {
        double[] r = totals.getOrDefault(key + "\u0000" + bucket, new double[2]);
        return new Spend(r[0], r[1]);
    }

    @Override
    public boolean holdsInMemory() { return true; }

    @Override
    public boolean settlesInMemory() { return sink.isEmpty(); }

    @Override
    public void close() { }
}
