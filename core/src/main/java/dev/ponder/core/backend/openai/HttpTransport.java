package dev.ponder.core.backend.openai;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A non-blocking way to POST a body and get the whole response, for callers that run on an event loop rather than
 * on threads that may block (the proxy relays requests this way). The stage completes, on the transport's own
 * thread, with the response, or exceptionally with an {@link java.io.IOException}: {@link java.net.http.HttpConnectTimeoutException}
 * when connecting timed out, {@link java.net.http.HttpTimeoutException} when the whole exchange did.
 */
public interface HttpTransport {

    /** A complete response. */
    record Response(int status, HttpHeaders headers, byte[] body) { }

    /** POSTs {@code body} with {@code headers} (name, value pairs; Host and Content-Length are the transport's). */
    CompletionStage<Response> post(URI uri, List<String[]> headers, byte[] body, Duration timeout);
}
