package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.error.PonderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Server-sent events (WHATWG HTML, "Server-sent events"): lines up to a blank line make one event; {@code data:}
 * lines are joined with newlines; lines starting with {@code :} are comments; other fields are ignored. A virtual
 * thread reads the body so the caller can wait for each event with a timeout and give up on a stalled stream.
 * Hand-written: the JDK has no SSE client, and this is the whole of the part of the format OpenAI streams use.
 */
public final class SseStream implements AutoCloseable {
    private static final ObjectMapper OBJECTS = new ObjectMapper();

    /** Where a stream's events go, in order. */
    public interface Events {
        /** Takes one event's data (the closing {@code [DONE]} is the reader's, not passed on). */
        void accept(String data);

        /** Whether output already reached the caller: a failure then is not retried (it would repeat it). */
        boolean delivered();
    }

    private sealed interface Item {
        record Data(String data) implements Item { }
        record End() implements Item { }
        record Failed(IOException error) implements Item { }
    }

    private final InputStream body;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public SseStream(InputStream body) {
        this.body = body;
        Thread.ofVirtual().name("ponder-sse-reader").start(this::read);
    }

    /** The next event's data, or empty at the end of the stream; times out when nothing arrives for {@code idle}. */
    private Optional<String> next(Duration idle) throws IOException, TimeoutException, InterruptedException {
        Item item = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        return switch (item) {
            case null -> throw new TimeoutException("no data for " + idle);
            case Item.Data d -> Optional.of(d.data());
            case Item.End e -> Optional.empty();
            case Item.Failed f -> throw f.error();
        };
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) queue.add(new Item.Data(data.toString()));
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) continue;
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) value = value.substring(1);
                if (field.equals("data")) data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
            // lenient: a last event without its blank line still counts
            if (data != null) queue.add(new Item.Data(data.toString()));
            queue.add(new Item.End());
        } catch (IOException e) {
            if (!closed) queue.add(new Item.Failed(e));
        }
    }

    /**
     * Hands every event to {@code to} until OpenAI's closing {@code data: [DONE]} or the end of the stream, then closes
     * the stream; true when it ended with {@code [DONE]}. A gap longer than {@code idle} is TIMEOUT, a broken stream STREAM_BROKEN once
     * output was delivered (else UPSTREAM_UNAVAILABLE, which may be retried).
     */
    public boolean drain(Events to, Duration idle, String where) {
        boolean done = false;
        try (this) {
            while (!done) {
                Optional<String> data = next(idle);
                if (data.isEmpty()) break;
                done = data.get().strip().equals("[DONE]");
                if (!done) to.accept(data.get());
            }
        } catch (TimeoutException e) {
            throw new PonderException(Kind.TIMEOUT, where + ": the stream sent nothing for " + idle
                    + (to.delivered() ? " after output started" : ""), null, e, to.delivered());
        } catch (IOException e) {
            throw new PonderException(to.delivered() ? Kind.STREAM_BROKEN : Kind.UPSTREAM_UNAVAILABLE,
                    where + ": the stream broke: " + e.getMessage(), null, e, to.delivered());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(Kind.INTERNAL, where + ": interrupted while streaming", null, e, to.delivered());
        }
        return done;
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // closing only stops the reader; nothing to report
        }
    }

    /** An event's data as a JSON object, or empty when it is not one (malformed, or another JSON value). */
    public static Optional<JsonNode> object(String data) {
        try {
            JsonNode n = OBJECTS.readTree(data);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The start of an event's data, for an error message. */
    public static String preview(String data) { return data.length() > 200 ? data.substring(0, 200) + "..." : data; }
}
