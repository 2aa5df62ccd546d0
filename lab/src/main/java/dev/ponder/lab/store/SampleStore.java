package dev.ponder.lab.store;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lab's sample store: an embedded DuckDB file, append-only. {@link #write} puts one or more finished units
 * (outcome, samples, decisions) in a single transaction, so a process killed at any moment leaves each unit either
 * wholly stored or absent; the outcome's primary key makes a duplicate write fail instead of doubling samples.
 * A failed write (full disk, closed store) rolls back and throws: what was stored before stays as it was.
 * Methods are synchronized: one connection, many writer threads.
 */
public final class SampleStore implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final InstantSource clock;
    private boolean closed;

    private SampleStore(Path file, Connection conn, InstantSource clock) {
        this.file = file;
        this.conn = conn;
        this.clock = clock;
    }

    /** Opens (creating when absent) the store at {@code file}; a directory or a file that is not DuckDB is refused, untouched. */
    public static SampleStore open(Path file, InstantSource clock) {
        return new SampleStore(file, StoreFile.connect(file), clock);
    }

    public Path file() { return file; }

    public synchronized void startRun(RunInfo r) {
        tx("record run " + r.runId(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.runId());
                ps.setString(2, r.planName());
                ps.setString(3, r.planFile());
                ps.setString(4, r.planHash());
                ps.setString(5, r.planText());
                ps.setTimestamp(6, Timestamp.from(r.startedAt()));
                ps.executeUpdate();
            }
        });
    }

    public synchronized List<RunInfo> runs() {
        return query("SELECT run_id, plan_name, plan_file, plan_hash, plan_text, started_at FROM runs ORDER BY started_at, run_id", List.of(),
                rs -> new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    /** The run called {@code id}, or the newest run when {@code id} is {@code latest}. */
    public Optional<RunInfo> run(String id) {
        List<RunInfo> all = runs();
        if (id.equals("latest")) return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
        return all.stream().filter(r -> r.runId().equals(id)).findFirst();
    }

    /** The newest run of the plan called {@code planName}. */
    public Optional<RunInfo> latestRunOf(String planName) {
        return runs().stream().filter(r -> r.planName().equals(planName)).reduce((a, b) -> b);
    }

    /** Records configurations; those already recorded for the run (a resume) are left as they are. */
    public synchronized void addConfigs(String runId, List<ConfigRow> rows) {
        tx("record configurations", () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO configs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ConfigRow c : rows) {
                    int i = 1;
                    ps.setString(i++, runId);
                    ps.setString(i++, c.configId());
                    ps.setInt(i++, c.ordinal());
                    ps.setString(i++, c.source());
                    ps.setString(i++, c.sourceKind());
                    ps.setString(i++, c.domain());
                    ps.setString(i++, c.backend());
                    ps.setString(i++, c.model());
                    ps.setString(i++, c.strategy());
                    ps.setString(i++, c.budget());
                    ps.setLong(i++, c.seed());
                    ps.setDouble(i++, c.priceInput());
                    ps.setDouble(i, c.priceOutput());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public synchronized void addProblems(String runId, String source, List<Problem> problems) {
        tx("record problems of " + source, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO problems VALUES (?, ?, ?, ?, ?)")) {
                for (Problem p : problems) {
                    ps.setString(1, runId);
                    ps.setString(2, source);
                    ps.setString(3, p.id());
                    ps.setString(4, p.question());
                    ps.setString(5, p.reference());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Keys ({@link Unit#key}) of the units already stored for a run. */
    public synchronized Set<String> doneUnits(String runId) {
        return new HashSet<>(query("SELECT config_id, problem_id FROM outcomes WHERE run_id = ?", List.of(runId),
                rs -> Unit.key(rs.getString(1), rs.getString(2))));
    }

    /** Writes the units in one transaction: all of them, or (on failure, which throws) none. */
    public synchronized void write(String runId, List<Unit> units) {
        tx("write " + units.size() + " unit(s)", () -> Writer.write(conn, runId, units, clock.instant()));
    }

    public synchronized List<ConfigRow> configs(String runId) {
        return query("SELECT config_id, ordinal, source, source_kind, domain, backend, model, strategy, budget, seed, price_input, price_output"
                + " FROM configs WHERE run_id = ? ORDER BY ordinal", List.of(runId), rs -> new ConfigRow(rs.getString(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getDouble(11), rs.getDouble(12)));
    }

    public synchronized List<StoredOutcome> outcomes(String runId) {
        return query("SELECT o.config_id, problem_id, answer, correct, samples, input_tokens, output_tokens, reasoning_tokens, dollars,"
                + " latency_ms, stop, confidence, error FROM outcomes o JOIN configs c USING (run_id, config_id)"
                + " WHERE run_id = ? ORDER BY c.ordinal, problem_id", List.of(runId), rs -> new StoredOutcome(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getDouble(9),
                rs.getDouble(10), rs.getString(11), rs.getDouble(12), Optional.ofNullable(rs.getString(13))));
    }

    /** The problems of each of the run's sources (source name to problems, in id order). */
    public synchronized Map<String, List<Problem>> problems(String runId) {
        Map<String, List<Problem>> out = new LinkedHashMap<>();
        query("SELECT source, problem_id, question, reference FROM problems WHERE run_id = ? ORDER BY source, problem_id", List.of(runId),
                rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Problem(rs.getString(2), rs.getString(3), rs.getString(4))));
        return out;
    }

    /** Each problem's samples for one configuration, in draw order. */
    public synchronized Map<String, List<StoredSample>> samples(String runId, String configId) {
        Map<String, List<StoredSample>> out = new LinkedHashMap<>();
        query("SELECT problem_id, idx, text, reasoning, answer, verdict, score, input_tokens, output_tokens, reasoning_tokens, dollars, latency_ms"
                + " FROM samples WHERE run_id = ? AND config_id = ? ORDER BY problem_id, idx", List.of(runId, configId), rs -> {
            Object v = rs.getObject(6);
            Object sc = rs.getObject(7);
            StoredSample s = new StoredSample(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    v == null ? Optional.empty() : Optional.of((Boolean) v), sc == null ? Optional.empty() : Optional.of(((Number) sc).doubleValue()),
                    rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getDouble(11), rs.getDouble(12));
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(s);
            return s;
        });
        return out;
    }

    /** Rows of {@code table} for a run. */
    public synchronized long count(String table, String runId) {
        if (!Schema.TABLES.contains(table)) throw new IllegalArgumentException("no table " + table + "; tables: " + Schema.TABLES);
        return query("SELECT count(*) FROM " + table + " WHERE run_id = ?", List.of(runId), rs -> rs.getLong(1)).getFirst();
    }

    /** Writes each table's rows of the run to {@code dir/<table>.parquet}. */
    public synchronized List<Path> exportParquet(String runId, Path dir) {
        if (!runId.matches("[A-Za-z0-9._-]+")) throw PonderException.invalid("bad run id \"%s\"", runId);
        return StoreFile.exportParquet(conn, runId, dir);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "closing sample store " + file + " failed: " + e.getMessage(), e);
        }
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private void tx(String what, SqlWork work) {
        if (closed) throw new PonderException(PonderException.Kind.INTERNAL, "sample store " + file + " is closed: cannot " + what);
        try {
            work.run();
            conn.commit();
        } catch (SQLException e) {
            try {
                conn.rollback();
                Writer.clearStaging(conn);
                conn.commit();
            } catch (SQLException ignored) {
                // the connection is gone; DuckDB discards the uncommitted transaction on the next open
            }
            throw new PonderException(PonderException.Kind.INTERNAL, "sample store " + file + ": cannot " + what
                    + " (rolled back; earlier data is intact): " + e.getMessage(), e);
        }
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        if (closed) throw new PonderException(PonderException.Kind.INTERNAL, "sample store " + file + " is closed");
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "sample store " + file + ": query failed: " + e.getMessage(), e);
        }
    }
}
