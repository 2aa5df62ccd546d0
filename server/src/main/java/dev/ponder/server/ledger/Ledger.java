package dev.ponder.server.ledger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Spend per key and per request. A key's budget is enforced by holds: before a request calls upstream it holds (up
 * to) its worst-case cost, atomically with the check against the limit, and settles with the real cost after; so
 * concurrent requests, even from several proxies sharing one PostgreSQL ledger, cannot together pass the limit.
 */
public interface Ledger extends AutoCloseable {

    /** Dollars held for a request that has not settled yet. */
    record Hold(String key, String bucket, double amount) {}

    /** What a key has spent and holds in one period bucket. */
    record Spend(double spent, double held) {}

    /**
     * Atomically: if {@code limit - spent - held >= atLeast}, holds {@code min(want, limit - spent - held)} and
     * returns it; otherwise holds nothing.
     */
    Optional<Hold> hold(String key, String bucket, double want, double atLeast, double limit);

    /** Releases the hold and books the request's real cost (the entry) in the hold's bucket. */
    void settle(Hold hold, Entry entry);

    /** Books a request of a key without a budget. */
    void record(String bucket, Entry entry);

    Spend spend(String key, String bucket);

    /** True when {@link #hold} touches no disk or network, so an event loop may call it. */
    default boolean holdsInMemory() { return false; }

    /** True when {@link #settle} and {@link #record} touch no disk or network either. */
    default boolean settlesInMemory() { return false; }

    @Override
    void close();

    /** In memory only (no-config mode: nothing is written). */
    static Ledger memory() { return new MemoryLedger(Optional.empty()); }

    /** Append-only JSON lines; spend is rebuilt from the file on start. */
    static Ledger file(Path file) { return JsonlLedger.open(file); }

    /** PostgreSQL, for several proxies sharing keys: {@code postgres://user:password@host:port/database}. */
    static Ledger postgres(String url) { return PostgresLedger.open(url); }

    /** By the config's {@code ledger} value: a postgres:// URL, else a file path. */
    static Ledger open(String target, Path relativeTo) {
        if (target.startsWith("postgres://") || target.startsWith("postgresql://")) return postgres(target);
        return file(relativeTo.resolve(target));
    }
}
