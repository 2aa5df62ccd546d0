package dev.ponder.server.ledger;

import dev.ponder.core.error.PonderException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.Properties;

/**
 * The shared ledger: table {@code ponder_budget(key, bucket, spent, held)} and one row per request in
 * {@code ponder_requests}. A hold is a transaction that locks the key's row ({@code SELECT ... FOR UPDATE}), checks
 * the limit and adds to {@code held}; settling moves the hold to {@code spent} and inserts the request row in one
 * transaction. Proxies sharing the database therefore see one another's holds. One connection per proxy,
 * used under a lock: ledger writes are two short statements per request.
 */
final class PostgresLedger implements Ledger {
    private final Connection db;

    private PostgresLedger(Connection db) { this.db = db; }

    static PostgresLedger open(String url) {
        URI u = URI.create(url);
        Properties p = new Properties();
        if (u.getUserInfo() != null) {
            String[] ui = u.getUserInfo().split(":", 2);
            p.setProperty("user", URLDecoder.decode(ui[0], StandardCharsets.UTF_8));
            if (ui.length > 1) p.setProperty("password", URLDecoder.decode(ui[1], StandardCharsets.UTF_8));
        }
        String jdbc = "jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath()
                + (u.getQuery() == null ? "" : "?" + u.getQuery());
        try {
            Connection c = DriverManager.getConnection(jdbc, p);
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS ponder_budget (key_id TEXT NOT NULL, bucket TEXT NOT NULL,"
                        + " spent DOUBLE PRECISION NOT NULL DEFAULT 0, held DOUBLE PRECISION NOT NULL DEFAULT 0, PRIMARY KEY (key_id, bucket))");
                st.execute("CREATE TABLE IF NOT EXISTS ponder_requests (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, key_id TEXT NOT NULL,"
                        + " bucket TEXT NOT NULL, request TEXT NOT NULL, model TEXT NOT NULL, strategy TEXT NOT NULL,"
                        + " input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, dollars DOUBLE PRECISION NOT NULL, status INT NOT NULL)");
            }
            c.setAutoCommit(false);
            c.commit();
            return new PostgresLedger(c);
        } catch (SQLException e) {
            throw new PonderException(PonderException.Kind.UPSTREAM_UNAVAILABLE, "cannot open the PostgreSQL ledger at " + u.getHost()
                    + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Hold> hold(String key, String bucket, double want, double atLeast, double limit) {
        return tx(() -> {
            ensureRow(key, bucket);
            double spent;
            double held;
            try (PreparedStatement s = db.prepareStatement("SELECT spent, held FROM ponder_budget WHERE key_id = ? AND bucket = ? FOR UPDATE")) {
                s.setString(1, key);
                s.setString(2, bucket);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    spent = r.getDouble(1);
                    held = r.getDouble(2);
                }
            }
            double free = limit - spent - held;
            if (free + 1e-12 < atLeast) return Optional.<Hold>empty();
            double amount = Math.max(0, Math.min(want, free));
            update("UPDATE ponder_budget SET held = held + ? WHERE key_id = ? AND bucket = ?", amount, key, bucket);
            return Optional.of(new Hold(key, bucket, amount));
        });
    }

    @Override
    public synchronized void settle(Hold hold, Entry entry) {
        tx(() -> {
            update("UPDATE ponder_budget SET held = GREATEST(0, held - ?), spent = spent + ? WHERE key_id = ? AND bucket = ?",
                    hold.amount(), entry.dollars(), hold.key(), hold.bucket());
            insert(hold.bucket(), entry);
            return null;
        });
    }

    @Override
    public synchronized void record(String bucket, Entry entry) {
        tx(() -> {
            ensureRow(entry.key(), bucket);
            update("UPDATE ponder_budget SET spent = spent + ? WHERE key_id = ? AND bucket = ?", entry.dollars(), entry.key(), bucket);
            insert(bucket, entry);
            return null;
        });
    }

    @Override
    public synchronized Spend spend(String key, String bucket) {
        return tx(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT spent, held FROM ponder_budget WHERE key_id = ? AND bucket = ?")) {
                s.setString(1, key);
                s.setString(2, bucket);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Spend(r.getDouble(1), r.getDouble(2)) : new Spend(0, 0);
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "closing the PostgreSQL ledger: " + e.getMessage(), e);
        }
    }

    private void ensureRow(String key, String bucket) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO ponder_budget (key_id, bucket) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, key);
            s.setString(2, bucket);
            s.executeUpdate();
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            s.executeUpdate();
        }
    }

    private void insert(String bucket, Entry e) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO ponder_requests (at, key_id, bucket, request, model, strategy,"
                + " input_tokens, output_tokens, dollars, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(e.at()));
            s.setString(2, e.key());
            s.setString(3, bucket);
            s.setString(4, e.request());
            s.setString(5, e.model());
            s.setString(6, e.strategy());
            s.setLong(7, e.inputTokens());
            s.setLong(8, e.outputTokens());
            s.setDouble(9, e.dollars());
            s.setInt(10, e.status());
            s.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T tx(Work<T> w) {
        try {
            T out = w.run();
            db.commit();
            return out;
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the original error says why
            }
            throw new PonderException(PonderException.Kind.UPSTREAM_UNAVAILABLE, "PostgreSQL ledger: " + e.getMessage(), e);
        }
    }
}
