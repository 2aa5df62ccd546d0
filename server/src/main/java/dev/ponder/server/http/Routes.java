package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.trace.TraceStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The routes besides chat completions: the model list, traces, health and metrics; and the 404 for any other. */
final class Routes {
    private static final String TRACES = "/v1/ponder/traces/";
    private final KeyRing keys;
    private final Catalog catalog;
    private final TraceStore traces;
    private final ProxyMetrics metrics;

    Routes(KeyRing keys, Catalog catalog, TraceStore traces, ProxyMetrics metrics) {
        this.keys = keys;
        this.catalog = catalog;
        this.traces = traces;
        this.metrics = metrics;
    }

    /** Answers {@code ex}, or throws the refusal (the caller answers it). */
    void serve(Call ex) {
        String path = ex.path();
        String method = ex.method();
        if (path.equals("/v1/models") || path.equals("/models")) {
            allow(method, "GET");
            authenticate(ex);
            models(ex);
        } else if (path.startsWith(TRACES)) {
            allow(method, "GET");
            Exchanges.json(ex, 200, traces.get(path.substring(TRACES.length()), authenticate(ex)));
        } else if (path.equals("/health")) {
            allow(method, "GET");
            Exchanges.json(ex, 200, Exchanges.JSON.createObjectNode().put("status", "ok").put("models", catalog.models().size()));
        } else if (path.equals("/metrics")) {
            allow(method, "GET");
            Exchanges.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
        } else {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "unknown_route", "no route " + method + " " + path
                    + "; this proxy serves POST /v1/chat/completions, POST /v1/messages, POST /v1/messages/count_tokens, GET /v1/models, GET /v1/ponder/traces/{id}, GET /health, GET /metrics");
        }
    }

    /** 405 unless the request's method is {@code allowed}. */
    static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiFailure.status(405, "method_not_allowed", "method " + method + " is not allowed here; use " + allowed);
        }
    }

    /** The caller the request's {@code Authorization} header names (or its {@code x-api-key}, as Anthropic's clients send it); 401 naming what is wrong. */
    Caller authenticate(Call ex) {
        return keys.authenticate(Optional.ofNullable(ex.header("Authorization")).or(() -> Optional.ofNullable(ex.header("x-api-key")).map(k -> "Bearer " + k)));
    }

    private void models(Call ex) {
        ObjectNode root = Exchanges.JSON.createObjectNode().put("object", "list");
        var data = root.putArray("data");
        for (String id : catalog.ids()) data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "ponder");
        Exchanges.json(ex, 200, root);
    }
}
