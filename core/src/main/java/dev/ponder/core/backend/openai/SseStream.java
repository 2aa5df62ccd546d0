package dev.ponder.core.backend.openai;

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
final class SseStream implements AutoCloseable {
    private sealed interface Item {
        record Data(String data) implements Item { }
        record End() implements Item { }
        record Failed(IOException error) implements Item { }
    }

    private final InputStream body;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    SseStream(InputStream body) {
        this.body = body;
        Thread.ofVirtual().name("ponder-sse-reader").start(this::read);
    }

    /** The next event's data, or empty at the end of the stream; times out when nothing arrives for {@code idle}. */
    Optional<String> next(Duration idle) throws IOException, TimeoutException, InterruptedException {
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

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // closing only stops the reader; nothing to report
        }
    }
}
