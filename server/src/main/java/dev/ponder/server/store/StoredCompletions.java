package dev.ponder.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.chat.Reply;
import dev.ponder.server.chat.RequestObserver;
import dev.ponder.server.chat.Settled;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * OpenAI's stored completions: a request with {@code store: true} (and its {@code metadata}) is kept once it is
 * answered, with every sample its strategy drew, as one JSON line appended to a file beside the ledger
 * (docs/proxy.md#stored-completions), which {@code ponder export --stored FILE} turns into training data. The most
 * recent ones are also held in memory for {@code GET /v1/chat/completions/{id}} and the list, each readable by the key
 * that made it. Lines are written by a virtual thread of the store's own, so an event loop never waits on the disk.
 */
public final class StoredCompletions implements RequestObserver, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(StoredCompletions.class.getName());
    private final Optional<Path> file;
    private final Optional<BufferedWriter> out;
    private final int capacity;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, ObjectNode> recent = new LinkedHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    private StoredCompletions(Optional<Path> file, Optional<BufferedWriter> out, int capacity) {
        this.file = file;
        this.out = out;
        this.capacity = capacity;
    }

    /** Kept in {@code file} (the last {@code capacity} read back into memory), or in memory only. */
    public static StoredCompletions open(Optional<Path> file, int capacity) {
        if (file.isEmpty()) return new StoredCompletions(file, Optional.empty(), capacity);
        Path f = file.get();
        try {
            if (f.toAbsolutePath().getParent() != null) Files.createDirectories(f.toAbsolutePath().getParent());
            StoredCompletions s = new StoredCompletions(file, Optional.of(Files.newBufferedWriter(f, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)), capacity);
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = Math.max(0, lines.size() - capacity); i < lines.size(); i++) {
                try {
                    JsonNode n = JSON.readTree(lines.get(i));
                    if (n instanceof ObjectNode o && o.path("ponder").path("trace_id").isTextual()) s.remember(o.path("ponder").path("trace_id").asText(), o);
                } catch (IOException torn) {
                    // a line cut by a crash: skipped, the rest still read
                }
            }
            return s;
        } catch (IOException e) {
            throw PonderException.invalid("cannot open the stored completions file %s: %s", f, e.getMessage());
        }
    }

    /** Where the lines go, if anywhere. */
    public Optional<Path> file() { return file; }

    @Override
    public Reply reply(String traceId, Caller caller, ChatRequest request, Reply reply) {
        if (!request.storing().store()) return reply;
        Pending p = new Pending(traceId, caller.id(), request);
        pending.put(traceId, p);
        return new StoringReply(reply, p, this);
    }

    @Override
    public void settled(Settled s) {
        Pending p = pending.get(s.traceId());
        if (p != null) p.settled(s);
    }

    /** A stored request's answer is going out, or its reply was released: kept once, when it was answered. */
    void done(Pending p) {
        if (pending.remove(p.traceId()) == null || !p.complete()) return;
        ObjectNode json = p.toJson();
        remember(p.traceId(), json);
        out.ifPresent(w -> writer.execute(() -> append(w, json)));
    }

    private synchronized void remember(String traceId, ObjectNode json) {
        recent.put(traceId, json);
        if (recent.size() > capacity) recent.remove(recent.keySet().iterator().next());
    }

    private void append(BufferedWriter w, ObjectNode json) {
        try {
            w.write(json.toString());
            w.write('\n');
            w.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "stored completions: cannot append to " + file.orElseThrow(), e);
        }
    }

    /** {@code GET /v1/chat/completions/{id}}: the stored completion, for the key that made it. */
    public synchronized ObjectNode get(String id, Caller caller) {
        String trace = id.startsWith("chatcmpl-") ? id.substring("chatcmpl-".length()) : id;
        ObjectNode n = recent.get(trace);
        if (n == null || !n.path("key").asText().equals(caller.id())) {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "not_found", "no stored completion " + id + " for this key (requests are stored"
                    + " when they ask for store: true; the proxy keeps the " + capacity + " most recent in memory"
                    + file.map(f -> ", all of them in " + f).orElse("") + ")");
        }
        return n;
    }

    /** {@code GET /v1/chat/completions}: the key's stored completions, oldest first, after {@code after}, filtered by model and metadata. */
    public synchronized ObjectNode list(Caller caller, Optional<String> model, Map<String, String> metadata, Optional<String> after, int limit,
                                        boolean newestFirst) {
        List<ObjectNode> mine = new ArrayList<>();
        for (ObjectNode n : recent.values()) {
            if (!n.path("key").asText().equals(caller.id())) continue;
            if (model.isPresent() && !n.path("model").asText().equals(model.get())) continue;
            if (!metadata.entrySet().stream().allMatch(e -> n.path("metadata").path(e.getKey()).asText("\u0000").equals(e.getValue()))) continue;
            mine.add(n);
        }
        if (newestFirst) Collections.reverse(mine);
        int from = 0;
        if (after.isPresent()) {
            for (int i = 0; i < mine.size(); i++) if (mine.get(i).path("id").asText().equals(after.get())) from = i + 1;
        }
        List<ObjectNode> page = mine.subList(Math.min(from, mine.size()), Math.min(mine.size(), from + limit));
        ObjectNode root = JSON.createObjectNode().put("object", "list");
        var data = root.putArray("data");
        page.forEach(data::add);
        if (page.isEmpty()) {
            root.putNull("first_id");
            root.putNull("last_id");
        } else {
            root.put("first_id", page.getFirst().path("id").asText()).put("last_id", page.getLast().path("id").asText());
        }
        return root.put("has_more", from + limit < mine.size());
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for lines still being written, then closes the file. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (out.isPresent()) {
            try {
                out.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
