package dev.ponder.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on 127.0.0.1 (a free port) for tests: {@code POST /v1/chat/completions} and
 * {@code POST /v1/completions} (and {@code POST /v1/embeddings}, for {@link FakeReply.Raw} replies), answered by a
 * scriptable {@link Handler} from each request to a {@link FakeReply}; it also answers Anthropic's
 * {@code POST /v1/messages} in that API's shapes (a fake Anthropic upstream at {@link #root()}).
 * It answers like a real server: n choices, JSON or SSE by the request's {@code stream} flag, usage (a token is a word,
 * see {@link FakeTokens}), {@code max_tokens} and {@code stop} honoured. It records every request it receives.
 * <pre>{@code
 * try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + i)))) {
 *     URI base = server.baseUrl();   // http://127.0.0.1:PORT/v1
 * }
 * }</pre>
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Decides the reply to one request; may look at everything the request sent. */
    @FunctionalInterface
    public interface Handler {
        FakeReply reply(FakeRequest request);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<FakeRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile Handler handler;

    private FakeOpenAiServer(Handler handler) {
        this.handler = handler;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A server whose model answers "The answer is 42." for every choice. */
    public static FakeOpenAiServer start() { return start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42."))); }

    public static FakeOpenAiServer start(Handler handler) { return new FakeOpenAiServer(handler); }

    /** Replaces the handler for the requests that follow. */
    public void handler(Handler h) { handler = h; }

    /** Replies in turn for the next requests, then the given fallback for all others. */
    public void sequence(Handler fallback, FakeReply... replies) {
        int from = seq.get();
        handler = r -> r.seq() - from < replies.length ? replies[r.seq() - from] : fallback.reply(r);
    }

    /** The API root, {@code http://127.0.0.1:PORT/v1}, as a client's base URL. */
    public URI baseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"); }

    /** The server's root, {@code http://127.0.0.1:PORT}, as an Anthropic client's base URL. */
    public URI root() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    public List<FakeRequest> requests() { return List.copyOf(requests); }

    public int requestCount() { return requests.size(); }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean cut = false;
        try {
            dispatch(ex);
        } catch (FakeWriter.StreamCut c) {
            cut = true; // leave the exchange unfinished: the server drops the connection mid-response
            throw c;
        } finally {
            if (!cut) ex.close();
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean messages = path.endsWith("/v1/messages");
        if (!ex.getRequestMethod().equals("POST") || !(path.endsWith("/v1/chat/completions") || path.endsWith("/v1/completions")
                || path.endsWith("/v1/embeddings") || messages)) {
            FakeWriter.error(ex, new FakeReply.Error(404, "no route " + ex.getRequestMethod() + " " + path, "not_found", Map.of()));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ex.getRequestBody().readAllBytes());
        } catch (IOException e) {
            FakeWriter.error(ex, FakeReply.error(400, "request body is not JSON: " + e.getMessage()));
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        FakeRequest request = new FakeRequest(seq.getAndIncrement(), path, headers, body);
        requests.add(request);
        switch (handler.reply(request)) {
            case FakeReply.Outputs o when messages -> FakeMessagesWriter.outputs(ex, request, o);
            case FakeReply.Outputs o -> FakeWriter.outputs(ex, request, o);
            case FakeReply.Error e when messages -> FakeMessagesWriter.error(ex, e);
            case FakeReply.Error e -> FakeWriter.error(ex, e);
            case FakeReply.Raw r -> {
                ex.getResponseHeaders().add("Content-Type", r.contentType());
                byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(r.status(), b.length);
                ex.getResponseBody().write(b);
            }
            case FakeReply.Hang h -> {
                try {
                    closing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
