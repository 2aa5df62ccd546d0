package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.telemetry.UpstreamSpan;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The library's HTTP client for one OpenAI-compatible server, on the JDK {@code HttpClient}: POST a JSON body and get
 * JSON back, or open an event stream. The client speaks HTTP/1.1 (local servers speak no h2c, and the upgrade attempt
 * costs a round trip), goes through the configured {@link java.net.ProxySelector} (the JVM's proxy settings unless
 * set), and keeps its own keep-alive pool, which closes idle connections ({@code jdk.httpclient.keepalive.timeout})
 * and can be capped ({@code jdk.httpclient.connectionPoolSize}); {@link #close()} stops it. Statuses and transport
 * failures become typed errors through {@link UpstreamErrors}; retrying is the caller's business. The whole
 * non-streamed exchange, and a stream's wait for its headers, are bounded by the request timeout.
 */
public final class Exchange implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextMapSetter<HttpRequest.Builder> HEADER = (b, name, value) -> b.header(name, value);
    private final OpenAiConfig config;
    private final HttpClient client;
    private final Map<String, String> headers;
    private volatile boolean closed;

    /** What a streamed request got: an event stream, or a plain JSON body from a server that does not stream. */
    public sealed interface Opened {
        record Events(InputStream body) implements Opened { }
        record Whole(JsonNode body) implements Opened { }
    }

    /** A client for {@code config}'s server, with its key read now (from the environment when it names a variable) as a bearer token. */
    public Exchange(OpenAiConfig config) {
        this(config, config.apiKey().map(k -> Map.of("Authorization", "Bearer " + k.resolve(System.getenv()))).orElse(Map.of()));
    }

    /** A client for {@code config}'s server that sends {@code headers} with every request (another API's key and version). */
    public Exchange(OpenAiConfig config, Map<String, String> headers) {
        this.config = config;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                // bodies are read whole, or handed to the caller's thread as a stream: the selector thread can run
                // the response handling itself, with no hand-off to a worker pool
                .executor(Runnable::run);
        config.proxy().ifPresent(b::proxy);
        this.client = b.build();
        this.headers = Map.copyOf(headers);
    }

    /** A POST whose 2xx answer is read as a JSON object; other statuses become typed errors. */
    public JsonNode postJson(String path, ObjectNode body, String where) {
        HttpResponse<byte[]> r = send(request(path, body, "application/json"), HttpResponse.BodyHandlers.ofByteArray(), where);
        if (r.statusCode() / 100 != 2) throw UpstreamErrors.ofStatus(r.statusCode(), r.headers(), r.body(), where, config.clock());
        return parse(r.body(), where);
    }

    /** A POST that asks for an event stream; a 2xx JSON answer (a server that does not stream) comes back whole. */
    public Opened openStream(String path, ObjectNode body, String where) {
        HttpResponse<InputStream> r = send(request(path, body, "text/event-stream"), HttpResponse.BodyHandlers.ofInputStream(), where);
        if (r.statusCode() / 100 != 2) {
            throw UpstreamErrors.ofStatus(r.statusCode(), r.headers(), readAll(r.body(), where), where, config.clock());
        }
        String type = r.headers().firstValue("content-type").orElse("");
        if (type.startsWith("application/json")) return new Opened.Whole(parse(readAll(r.body(), where), where));
        return new Opened.Events(r.body());
    }

    /** Stops the client: its connections close and calls still in flight fail. */
    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
    }

    private HttpRequest request(String path, ObjectNode body, String accept) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot encode the request body: " + e.getMessage(), e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "ponder")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(b::header);
        UpstreamSpan.inject(b, HEADER);
        return b.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String where) {
        if (closed) throw new PonderException(PonderException.Kind.INTERNAL, where + ": the backend is closed");
        CompletableFuture<HttpResponse<T>> f = client.sendAsync(request, handler);
        try {
            return f.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw UpstreamErrors.timedOut(where, config.requestTimeout(), e);
        } catch (ExecutionException e) {
            // the JDK's own request timeout and the guard above race: both read the same
            throw UpstreamErrors.ofExchange(e.getCause() == null ? e : e.getCause(), where, config.requestTimeout());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, where + ": interrupted", e);
        }
    }

    private static byte[] readAll(InputStream in, String where) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw UpstreamErrors.ofTransport(e, where, false);
        }
    }

    /** A body that must be a JSON object, or a typed error quoting its start. */
    public static JsonNode parse(byte[] body, String where) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new IOException("expected a JSON object");
            return n;
        } catch (IOException e) {
            throw UpstreamErrors.malformed(body, where, e);
        }
    }
}
