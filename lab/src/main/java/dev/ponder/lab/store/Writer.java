package dev.ponder.lab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The inserts of {@link SampleStore#write}. DuckDB's appender is fast but commits on its own, so rows are appended
 * to temporary staging tables (in memory, gone with the process) and moved into the real tables by
 * {@code INSERT ... SELECT} inside the caller's transaction: the move is atomic, checks the primary keys, and a
 * failure rolls back all of it. Staging is emptied before each write, so a failed write leaves nothing behind.
 * (Prepared-statement batches were 10x slower.)
 */
final class Writer {
    private static final List<String> STAGED = List.of("outcomes", "samples", "decisions");

    private Writer() {}

    static void createStaging(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TEMP TABLE stage_outcomes AS SELECT * EXCLUDE (finished_at) FROM outcomes LIMIT 0");
            s.execute("CREATE TEMP TABLE stage_samples AS SELECT * FROM samples LIMIT 0");
            s.execute("CREATE TEMP TABLE stage_decisions AS SELECT * FROM decisions LIMIT 0");
        }
    }

    static void write(Connection conn, String runId, List<Unit> units, Instant now) throws SQLException {
        clearStaging(conn);
        conn.commit();
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        try (DuckDBAppender o = duck.createAppender("temp", "main", "stage_outcomes");
             DuckDBAppender s = duck.createAppender("temp", "main", "stage_samples");
             DuckDBAppender d = duck.createAppender("temp", "main", "stage_decisions")) {
            for (Unit u : units) {
                StoredOutcome x = u.outcome();
                o.beginRow().append(runId).append(x.configId()).append(x.problemId()).append(x.answer()).append(x.correct())
                        .append(x.samples()).append(x.inputTokens()).append(x.outputTokens()).append(x.reasoningTokens())
                        .append(x.dollars()).append(x.latencyMs()).append(x.stop()).append(x.confidence());
                text(o, x.error());
                o.endRow();
                for (StoredSample y : u.samples()) {
                    s.beginRow().append(runId).append(x.configId()).append(x.problemId()).append(y.index()).append(y.text())
                            .append(y.reasoning()).append(y.answer());
                    if (y.verdict().isPresent()) s.append(y.verdict().get().booleanValue());
                    else s.appendNull();
                    if (y.score().isPresent()) s.append(y.score().get().doubleValue());
                    else s.appendNull();
                    s.append(y.inputTokens()).append(y.outputTokens()).append(y.reasoningTokens()).append(y.dollars()).append(y.latencyMs());
                    s.endRow();
                }
                for (StoredDecision z : u.decisions()) {
                    d.beginRow().append(runId).append(x.configId()).append(x.problemId()).append(z.seq()).append(z.kind())
                            .append(z.samples()).append(z.detail()).endRow();
                }
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO outcomes SELECT *, ? FROM stage_outcomes");
             Statement st = conn.createStatement()) {
            ps.setObject(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
            st.execute("INSERT INTO samples SELECT * FROM stage_samples");
            st.execute("INSERT INTO decisions SELECT * FROM stage_decisions");
        }
        clearStaging(conn);
    }

    static void clearStaging(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String t : STAGED) s.execute("DELETE FROM stage_" + t);
        }
    }

    private static void text(DuckDBAppender a, Optional<String> v) throws SQLException {
        if (v.isPresent()) a.append(v.get());
        else a.appendNull();
    }
}
