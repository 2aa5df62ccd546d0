package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.ChatRequestParser;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.chat.ChatService;
import dev.ponder.server.chat.Reply;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.trace.TraceStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side, on the JDK's built-in server with one virtual thread per exchange: routes, authentication and the
 * one place where failures become OpenAI-format errors. (The JDK server rather than Javalin/Jetty: five routes need
 * no framework, and it keeps Jetty and the Kotlin runtime out of the fat jar.)
 */
public final class HttpFront implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ChatService chat;
    private final KeyRing keys;
    private final Catalog catalog;
    private final TraceStore traces;
    private final ProxyMetrics metrics;
    private final int maxBodyBytes;

    public HttpFront(InetSocketAddress address, int maxBodyBytes, ChatService chat, KeyRing keys, Catalog catalog, TraceStore traces,
                     ProxyMetrics metrics) {
        this.chat = chat;
        this.keys = keys;
        this.catalog = catalog;
        this.traces = traces;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        // small responses: the headers and the body must not wait for a delayed ACK (Nagle), read once at class load
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(address, 1024);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot listen on " + address + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try {
            route(ex);
        } catch (RuntimeException e) {
            try {
                Exchanges.error(ex, ApiError.of(e));
            } catch (RuntimeException alreadySent) {
                // headers were already sent: the connection just closes
            }
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/v1/chat/completions") || path.equals("/chat/completions")) {
            long started = System.nanoTime();
            String who = "unauthenticated";
            try {
                allow(method, "POST");
                Caller caller = authenticate(ex);
                who = caller.id();
                completions(ex, caller);
            } catch (RuntimeException e) {
                // refused before the chat service saw it (method, key, body): still counted
                metrics.request("none", who, ApiError.of(e).status(), java.time.Duration.ofNanos(System.nanoTime() - started));
                throw e;
            }
        } else if (path.equals("/v1/models") || path.equals("/models")) {
            allow(method, "GET");
            authenticate(ex);
            models(ex);
        } else if (path.startsWith("/v1/ponder/traces/")) {
            allow(method, "GET");
            Exchanges.json(ex, 200, traces.get(path.substring("/v1/ponder/traces/".length()), authenticate(ex)));
        } else if (path.equals("/health")) {
            allow(method, "GET");
            ObjectNode h = Exchanges.JSON.createObjectNode().put("status", "ok").put("models", catalog.models().size());
            Exchanges.json(ex, 200, h);
        } else if (path.equals("/metrics")) {
            allow(method, "GET");
            Exchanges.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
        } else {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "unknown_route", "no route " + method + " " + path
                    + "; this proxy serves POST /v1/chat/completions, GET /v1/models, GET /v1/ponder/traces/{id}, GET /health, GET /metrics");
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiFailure.status(405, "method_not_allowed", "method " + method + " is not allowed here; use " + allowed);
        }
    }

    private Caller authenticate(HttpExchange ex) {
        return keys.authenticate(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")));
    }

    private void completions(HttpExchange ex, Caller caller) {
        ChatRequest req = ChatRequestParser.parse(Exchanges.json(ex, maxBodyBytes));
        Reply reply = req.stream() ? new SseReply(ex, req.model(), req.includeUsage()) : new JsonReply(ex);
        chat.complete(caller, req, reply);
    }

    private void models(HttpExchange ex) {
        ObjectNode root = Exchanges.JSON.createObjectNode().put("object", "list");
        var data = root.putArray("data");
        for (String id : catalog.ids()) data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "ponder");
        Exchanges.json(ex, 200, root);
    }
}
