package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.upstream.RawRoute;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request sent to the upstream as the client wrote it (tool calling, tool messages, images): the response comes
 * back as the upstream wrote it, with the proxy's model name, and with usage and the {@code ponder} field (dollars,
 * trace id). Streams are relayed chunk by chunk; upstreams are tried in order until one starts answering.
 */
final class Passthrough {
    private static final ObjectMapper JSON =
            // a shared buffer pool: the default is per thread, and every request runs on a fresh virtual thread
            new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                    .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool()).build());
    private final ChatRequest req;
    private final UpstreamModel model;
    private final String traceId;
    private final Reply reply;
    private final InstantSource clock;
    private final Consumer<Trace> onTrace;
    private final Consumer<Trace> onRun;

    Passthrough(ChatRequest req, UpstreamModel model, String traceId, Reply reply, InstantSource clock, Consumer<Trace> onTrace,
                Consumer<Trace> onRun) {
        this.req = req;
        this.model = model;
        this.traceId = traceId;
        this.reply = reply;
        this.clock = clock;
        this.onTrace = onTrace;
        this.onRun = onRun;
    }

    void run() {
        Trace trace = new Trace(traceId + "/0");
        onTrace.accept(trace);
        onRun.accept(trace);
        ObjectNode body = req.passthrough().orElseThrow().deepCopy();
        if (req.stream()) body.putObject("stream_options").put("include_usage", true);
        List<String> failures = new ArrayList<>();
        PonderException last = null;
        for (RawRoute route : model.raw()) {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            Price price = model.prices().find(route.upstreamModel()).or(() -> model.prices().find(model.id())).orElse(Price.FREE);
            Usage[] used = {Usage.ZERO};
            int[] choices = {0};
            try {
                if (req.stream()) {
                    route.stream(body, data -> relay(data, price, used, choices, t0));
                    reply.passthroughDone();
                } else {
                    JsonNode resp = route.post(body);
                    if (!resp.isObject()) throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, route.name() + ": not a JSON object");
                    used[0] = usage(resp.path("usage"), price, t0);
                    choices[0] = resp.path("choices").size();
                    ObjectNode out = (ObjectNode) resp;
                    out.put("model", req.model());
                    out.set("ponder", ponder(used[0]));
                    reply.passthrough(out);
                }
                trace.record("passthrough", "raw:" + route.name(), model.id(), choices[0], used[0], started, 1, List.of(), Optional.empty());
                return;
            } catch (PonderException e) {
                trace.record("passthrough", "raw:" + route.name(), model.id(), 0, used[0], started, 1, List.of(),
                        Optional.of(e.kind() + ": " + e.getMessage()));
                if (e.outputDelivered() || e.kind() == PonderException.Kind.INVALID_INPUT) throw e;
                failures.add(e.getMessage());
                last = e;
            }
        }
        throw new PonderException(last.kind(), "model " + model.id() + ": all upstreams failed (" + String.join("; ", failures) + ")", last);
    }

    private void relay(String data, Price price, Usage[] used, int[] choices, long t0) {
        ObjectNode chunk;
        try {
            JsonNode n = JSON.readTree(data);
            if (n == null || !n.isObject()) return;
            chunk = (ObjectNode) n;
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, "malformed JSON in an upstream chunk", null, e, true);
        }
        JsonNode u = chunk.get("usage");
        if (u != null && u.isObject()) used[0] = usage(u, price, t0);
        for (JsonNode c : chunk.path("choices")) choices[0] = Math.max(choices[0], c.path("index").asInt(0) + 1);
        chunk.put("model", req.model());
        if (chunk.path("choices").isEmpty() && u != null && u.isObject()) {
            if (!req.includeUsage()) return;
            chunk.set("ponder", ponder(used[0]));
        } else if (!req.includeUsage()) {
            chunk.remove("usage");
        }
        reply.passthrough(chunk);
    }

    private static Usage usage(JsonNode u, Price price, long t0) {
        long in = Math.max(0, u.path("prompt_tokens").asLong(0));
        long out = Math.max(0, u.path("completion_tokens").asLong(0));
        long reasoning = Math.max(0, u.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        return new Usage(in, out, Math.min(reasoning, out), price.cost(in, out), Duration.ofNanos(System.nanoTime() - t0));
    }

    private ObjectNode ponder(Usage u) {
        ObjectNode p = JSON.createObjectNode();
        p.put("strategy", "single").put("trace_id", traceId).put("dollars", u.dollars()).put("samples", 1).put("calls", 1).put("passthrough", true);
        return p;
    }

}
