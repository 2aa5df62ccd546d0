package dev.ponder.lab.store;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's DuckDB file: opened with its tables created, and refused untouched when the path is a directory or a
 * file that is not DuckDB's (a typo in {@code --store} must not touch, let alone overwrite, someone's file); and the
 * Parquet export of a run.
 */
final class StoreFile {
    private StoreFile() {}

    static Connection connect(Path file) {
        if (Files.isDirectory(file)) throw PonderException.invalid("sample store %s is a directory, not a DuckDB file", file);
        if (!looksLikeDuckDb(file)) {
            throw PonderException.invalid("%s is not a DuckDB sample store (left untouched; give another --store FILE)", file);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Class.forName("org.duckdb.DuckDBDriver");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                for (String ddl : Schema.DDL) s.execute(ddl);
            }
            Writer.createStaging(c);
            c.setAutoCommit(false);
            c.commit();
            return c;
        } catch (SQLException | IOException | ClassNotFoundException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot open sample store " + file + ": " + e.getMessage(), e);
        }
    }

    /** True for a missing or empty file (a new store) and for a file with DuckDB's magic bytes ("DUCK" at offset 8). */
    private static boolean looksLikeDuckDb(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 0 || (head.length == 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("DUCK"));
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            throw PonderException.invalid("sample store %s cannot be read: %s", file, e.getMessage());
        }
    }

    /** Writes each table's rows of the run to {@code dir/<table>.parquet}. */
    static List<Path> exportParquet(Connection conn, String runId, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw PonderException.invalid("%s is a file: the export needs a folder", dir);
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            try (Statement s = conn.createStatement()) {
                for (String t : Schema.TABLES) {
                    Path p = dir.resolve(t + ".parquet").toAbsolutePath();
                    s.execute("COPY (SELECT * FROM " + t + " WHERE run_id = '" + runId + "') TO '"
                            + p.toString().replace("'", "''") + "' (FORMAT parquet)");
                    out.add(p);
                }
            }
            conn.commit();
        } catch (SQLException | IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "export of run " + runId + " to " + dir + " failed: " + e.getMessage(), e);
        }
        return out;
    }
}
