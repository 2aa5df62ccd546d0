package dev.ponder.server.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The embedded ledger: one JSON line per settled request, appended and flushed, so a crash loses at most the requests
 * in flight; on start the file is read back and spend per key and bucket rebuilt (a torn last line is skipped).
 * Chosen over H2/SQLite because the proxy only appends and sums per key: no query engine or dependency is needed and
 * the file stays greppable. Holds live in memory: they are for requests in flight, which a restart ends anyway.
 */
final class JsonlLedger extends MemoryLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer writer;

    private static final class Writer {
        private final BufferedWriter out;

        Writer(BufferedWriter out) { this.out = out; }

        synchronized void write(Entry e, String bucket) {
            ObjectNode n = JSON.createObjectNode();
            n.put("at", e.at().toString()).put("key", e.key()).put("bucket", bucket).put("request", e.request())
                    .put("model", e.model()).put("strategy", e.strategy()).put("input_tokens", e.inputTokens())
                    .put("output_tokens", e.outputTokens()).put("dollars", e.dollars()).put("status", e.status());
            try {
                out.write(n.toString());
                out.write('\n');
                out.flush();
            } catch (IOException x) {
                throw new UncheckedIOException("cannot append to the ledger", x);
            }
        }
    }

    private JsonlLedger(Writer writer) {
        super(Optional.empty());
        this.writer = writer;
    }

    static JsonlLedger open(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            JsonlLedger l = new JsonlLedger(new Writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                try {
                    JsonNode n = JSON.readTree(lines.get(i));
                    l.replay(n.path("key").asText(), n.path("bucket").asText(), n.path("dollars").asDouble());
                } catch (IOException e) {
                    if (i < lines.size() - 1) throw PonderException.invalid("%s:%d: not a ledger line: %s", file, i + 1, e.getMessage());
                }
            }
            return l;
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot open the ledger file " + file + ": " + e.getMessage(), e);
        }
    }

    // the ledger's sums are guarded by the superclass's lock and the file by the writer's: holding both would put
    // file I/O under the lock every request's hold waits on
    @SuppressWarnings("UnsynchronizedOverridesSynchronized")
    @Override
    public void settle(Hold hold, Entry entry) {
        super.settle(hold, entry);
        writer.write(entry, hold.bucket());
    }

    @SuppressWarnings("UnsynchronizedOverridesSynchronized") // as settle
    @Override
    public void record(String bucket, Entry entry) {
        super.record(bucket, entry);
        writer.write(entry, bucket);
    }

    @Override
    public boolean settlesInMemory() { return false; }

    @Override
    public void close() {
        try {
            writer.out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
