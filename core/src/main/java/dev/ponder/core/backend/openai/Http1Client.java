package dev.ponder.core.backend.openai;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small blocking HTTP/1.1 client for non-streamed upstream calls, with a pool of keep-alive connections to one
 * server. Callers run on virtual threads, so a blocking read costs no platform thread. Hand-written, though a library
 * should do this: the JDK HttpClient passes every exchange through its one selector thread and builds its filter
 * chain reflectively per request, which was the largest item in the proxy's CPU profile, and no leaner client
 * (Apache HttpClient 5, Jetty client) is available here. Streams keep using the JDK client.
 */
final class Http1Client {
    private static final int MAX_IDLE = 512;
    private final Duration connectTimeout;
    private final ConcurrentLinkedDeque<Http1Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    Http1Client(Duration connectTimeout) { this.connectTimeout = connectTimeout; }

    /** POSTs {@code body} to {@code uri} (same server for every call) and reads the whole response. */
    Http1Connection.Response post(URI uri, List<String[]> headers, byte[] body, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] head = Http1Connection.head("POST", uri, headers, body.length);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        Http1Connection pooled = idle.pollFirst();
        if (pooled != null) {
            idleCount.decrementAndGet();
            try {
                return finish(pooled, pooled.exchange(request, deadline));
            } catch (Http1Connection.NothingReceived stale) {
                pooled.close(); // the server had closed the idle connection: one more try on a fresh one
            } catch (IOException | RuntimeException e) {
                pooled.close();
                throw e;
            }
        }
        int connectMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(connectTimeout.toMillis(), timeout.toMillis())));
        Http1Connection fresh = new Http1Connection(uri, connectMillis);
        try {
            return finish(fresh, fresh.exchange(request, deadline));
        } catch (IOException | RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private Http1Connection.Response finish(Http1Connection c, Http1Connection.Response r) {
        if (c.reusable() && idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offerFirst(c);
        } else {
            if (c.reusable()) idleCount.decrementAndGet();
            c.close();
        }
        return r;
    }
}
