package dev.ponder.server.upstream;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A non-blocking way to POST a body and get the whole response, for the proxy's relay on an event loop. The stage
 * completes, on the transport's own thread, with the response, or exceptionally with an {@link java.io.IOException}:
 * {@link java.net.http.HttpConnectTimeoutException} when connecting timed out, {@link java.net.http.HttpTimeoutException}
 * when the whole exchange did. {@link #timer()} runs on the same thread (the waits between a relay's retries).
 */
public interface HttpTransport {

    /** A complete response. */
    record Response(int status, HttpHeaders headers, byte[] body) { }

    /** POSTs {@code body} with {@code headers} (name, value pairs; Host and Content-Length are the transport's). */
    CompletionStage<Response> post(URI uri, List<String[]> headers, byte[] body, Duration timeout);

    /** Where to schedule work that must run on the transport's thread. */
    ScheduledExecutorService timer();
}
