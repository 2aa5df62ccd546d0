package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.calibration.Tuner;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.store.StoredCompletions;
import dev.ponder.server.trace.TraceStore;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes besides the relayed and strategy ones: the model list, traces, live calibration, stored completions,
 * health and metrics; and the 404 for any other.
 */
final class Routes {
    private static final String TRACES = "/v1/ponder/traces/";
    private static final String STORED = "/v1/chat/completions";
    private final KeyRing keys;
    private final Catalog catalog;
    private final TraceStore traces;
    private final ProxyMetrics metrics;
    private final Tuner tuner;
    private final StoredCompletions stored;

    Routes(KeyRing keys, Catalog catalog, TraceStore traces, ProxyMetrics metrics, Tuner tuner, StoredCompletions stored) {
        this.keys = keys;
        this.catalog = catalog;
        this.traces = traces;
        this.metrics = metrics;
        this.tuner = tuner;
        this.stored = stored;
    }

    /** Answers {@code ex}, or throws the refusal (the caller answers it). */
    void serve(FrontCall ex) {
        String path = ex.path();
        String method = ex.method();
        if (path.equals("/v1/models") || path.equals("/models")) {
            allow(method, "GET");
            authenticate(ex);
            models(ex);
        } else if (path.startsWith(TRACES)) {
            allow(method, "GET");
            Exchanges.json(ex, 200, traces.get(path.substring(TRACES.length()), authenticate(ex)));
        } else if (path.equals("/v1/ponder/calibration")) {
            allow(method, "GET");
            authenticate(ex);
            Exchanges.json(ex, 200, tuner.status());
        } else if (path.equals(STORED)) {
            allow(method, "GET"); // POST is the chat route's
            Exchanges.json(ex, 200, list(ex, authenticate(ex)));
        } else if (path.startsWith(STORED + "/")) {
            allow(method, "GET");
            Exchanges.json(ex, 200, stored.get(path.substring(STORED.length() + 1), authenticate(ex)));
        } else if (path.equals("/health")) {
            allow(method, "GET");
            Exchanges.json(ex, 200, Exchanges.JSON.createObjectNode().put("status", "ok").put("models", catalog.models().size()));
        } else if (path.equals("/metrics")) {
            allow(method, "GET");
            Exchanges.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
        } else {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "unknown_route", "no route " + method + " " + path
                    + "; this proxy serves POST /v1/chat/completions, POST /v1/messages, POST /v1/messages/count_tokens, POST /v1/completions,"
                    + " POST /v1/embeddings, GET /v1/models, GET /v1/chat/completions[/{id}], GET /v1/ponder/traces/{id}, GET /v1/ponder/calibration,"
                    + " GET /health, GET /metrics");
        }
    }

    /** The list of stored completions: {@code model}, {@code metadata[KEY]=VALUE}, {@code after}, {@code limit} (1..100, 20), {@code order} (asc, desc). */
    private ObjectNode list(FrontCall ex, Caller caller) {
        var q = new QueryStringDecoder(ex.query(), false).parameters();
        Map<String, String> metadata = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (k.startsWith("metadata[") && k.endsWith("]")) metadata.put(k.substring(9, k.length() - 1), v.getFirst());
        });
        int limit = 20;
        if (q.containsKey("limit")) {
            try {
                limit = Integer.parseInt(q.get("limit").getFirst());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) throw ApiFailure.field("limit", "limit must be a whole number in 1..100, was " + q.get("limit").getFirst());
        }
        String order = q.containsKey("order") ? q.get("order").getFirst() : "asc";
        if (!order.equals("asc") && !order.equals("desc")) throw ApiFailure.field("order", "order must be asc or desc, was " + order);
        return stored.list(caller, Optional.ofNullable(q.get("model")).map(List::getFirst), metadata,
                Optional.ofNullable(q.get("after")).map(List::getFirst), limit, order.equals("desc"));
    }

    /** 405 unless the request's method is {@code allowed}. */
    static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiFailure.status(405, "method_not_allowed", "method " + method + " is not allowed here; use " + allowed);
        }
    }

    /** The caller the request's {@code Authorization} header names (or its {@code x-api-key}, as Anthropic's clients send it); 401 naming what is wrong. */
    Caller authenticate(FrontCall ex) {
        return keys.authenticate(Optional.ofNullable(ex.header("Authorization")).or(() -> Optional.ofNullable(ex.header("x-api-key")).map(k -> "Bearer " + k)));
    }

    private void models(FrontCall ex) {
        ObjectNode root = Exchanges.JSON.createObjectNode().put("object", "list");
        var data = root.putArray("data");
        for (String id : catalog.ids()) data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "ponder");
        Exchanges.json(ex, 200, root);
    }
}
