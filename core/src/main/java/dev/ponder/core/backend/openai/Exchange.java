package dev.ponder.core.backend.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP attempt against the upstream: POST a JSON body, get back JSON (on the lean {@link Http1Client}) or an open
 * event stream (on the JDK HttpClient). Statuses and
 * transport failures become typed errors here; retrying is the caller's business. The whole non-streamed exchange,
 * and a stream's wait for its headers, are bounded by the request timeout.
 */
final class Exchange {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();
    private final OpenAiConfig config;
    private final HttpClient client;
    private final Optional<String> authorization;
    private final Http1Client lean;
    private final List<String[]> jsonHeaders;
    private final java.util.Map<String, URI> uris = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a streamed request got: an event stream, or a plain JSON body from a server that does not stream. */
    sealed interface Opened {
        record Events(InputStream body) implements Opened { }
        record Whole(JsonNode body) implements Opened { }
    }

    Exchange(OpenAiConfig config, Optional<String> apiKey) {
        this.config = config;
        // HTTP/1.1: local servers (vLLM, llama.cpp) speak no h2c, and the upgrade attempt only costs a round trip
        // the client's own executor runs response handling directly on its selector thread: the bodies are read whole
        // (or handed to the caller's virtual thread as a stream), so no hand-off to a platform worker pool is needed
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run).build();
        this.authorization = apiKey.map(k -> "Bearer " + k);
        this.lean = new Http1Client(config.connectTimeout());
        List<String[]> h = new ArrayList<>(4);
        h.add(new String[] {"Content-Type", "application/json"});
        h.add(new String[] {"Accept", "application/json"});
        h.add(new String[] {"User-Agent", "ponder"});
        authorization.ifPresent(a -> h.add(new String[] {"Authorization", a}));
        this.jsonHeaders = List.copyOf(h); // the same for every call (the arrays are never written)
    }

    JsonNode postJson(String path, ObjectNode body, String where) { return parse(postRaw(path, bytes(body), where), where); }

    /** A POST whose 2xx body is wanted as sent (bytes), for relaying; other statuses become typed errors. */
    byte[] postRaw(String path, byte[] body, String where) {
        Http1Connection.Response r;
        try {
            r = lean.post(uri(path), jsonHeaders, body, config.requestTimeout());
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) throw new PonderException(PonderException.Kind.INTERNAL, where + ": interrupted", e);
            throw failed(e, where);
        }
        return ok(r.status(), r.headers(), r.body(), where);
    }

    /** {@link #postRaw} on a non-blocking transport; the stage completes on the transport's thread. */
    CompletableFuture<byte[]> postRaw(String path, byte[] body, String where, HttpTransport transport) {
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        transport.post(uri(path), jsonHeaders, body, config.requestTimeout()).whenComplete((r, err) -> {
            try {
                if (err != null) {
                    Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
                    throw cause instanceof IOException io ? failed(io, where) : UpstreamErrors.ofTransport(cause, where, false);
                }
                out.complete(ok(r.status(), r.headers(), r.body(), where));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** A transport failure as a typed error: a whole-exchange timeout is TIMEOUT, the rest by kind of failure. */
    private PonderException failed(IOException e, String where) {
        if (e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException)) return timedOut(where, e);
        return UpstreamErrors.ofTransport(e, where, false);
    }


    /** A 2xx body; any other status as a typed error carrying the server's message. */
    private byte[] ok(int status, java.net.http.HttpHeaders headers, byte[] body, String where) {
        if (status / 100 != 2) throw UpstreamErrors.ofStatus(status, headers, body, where, config.clock());
        return body;
    }

    Opened openStream(String path, ObjectNode body, String where) {
        HttpResponse<InputStream> r = send(request(path, body, "text/event-stream"), HttpResponse.BodyHandlers.ofInputStream(), where);
        if (r.statusCode() / 100 != 2) {
            throw UpstreamErrors.ofStatus(r.statusCode(), r.headers(), readAll(r.body(), where), where, config.clock());
        }
        String type = r.headers().firstValue("content-type").orElse("");
        if (type.startsWith("application/json")) return new Opened.Whole(parse(readAll(r.body(), where), where));
        return new Opened.Events(r.body());
    }

    private URI uri(String path) { return uris.computeIfAbsent(path, p -> URI.create(config.baseUrl() + p)); }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot encode the request body: " + e.getMessage(), e);
        }
    }

    private HttpRequest request(String path, ObjectNode body, String accept) {
        byte[] bytes = bytes(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("User-Agent", "ponder")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        authorization.ifPresent(a -> b.header("Authorization", a));
        return b.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String where) {
        CompletableFuture<HttpResponse<T>> f = client.sendAsync(request, handler);
        try {
            return f.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw timedOut(where, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // the JDK's own request timeout and the guard above race: both read the same
            if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) throw timedOut(where, cause);
            throw UpstreamErrors.ofTransport(cause, where, false);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, where + ": interrupted", e);
        }
    }

    private PonderException timedOut(String where, Throwable cause) {
        return new PonderException(PonderException.Kind.TIMEOUT, where + ": no complete response within " + config.requestTimeout(), cause);
    }

    private static byte[] readAll(InputStream in, String where) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw UpstreamErrors.ofTransport(e, where, false);
        }
    }

    static JsonNode parse(byte[] body, String where) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new IOException("expected a JSON object");
            return n;
        } catch (IOException e) {
            throw malformed(body, where, e);
        }
    }

    /** A response body that is not the JSON it should be: the parser's first line and the body's start. */
    static PonderException malformed(byte[] body, String where, IOException e) {
        String text = new String(body, StandardCharsets.UTF_8);
        return new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": malformed JSON in the response ("
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): " + (text.length() > 200 ? text.substring(0, 200) + "..." : text), e);
    }
}
