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
import dev.ponder.server.route.Routed;
import dev.ponder.core.backend.openai.Relayed;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A request sent to the upstream as the client wrote it: always for tool calling, tool messages and images, and for
 * every non-streamed one-choice {@code single} request, which needs no strategy engine. The response comes back as
 * the upstream wrote it (finish reasons, logprobs, tool calls, system fingerprint intact) with the proxy's id and
 * model name, usage (estimated when the upstream sent none) and the {@code ponder} field (dollars, trace id).
 * Non-streamed bodies go through the model's upstream pool (retries, cooldown, fallback); streams are relayed chunk
 * by chunk, upstreams tried in order until one starts answering.
 */
final class Passthrough {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();
    private final ChatRequest req;
    private final UpstreamModel model;
    private final String traceId;
    private final Reply reply;
    private final InstantSource clock;
    private final Consumer<Trace> onTrace;
    private final Consumer<Trace> onRun;
    private final Optional<Routed> route;
    private final Consumer<byte[]> answer;

    /** {@code answer} takes a non-streamed answer, for the caller to send once the request is accounted. */
    Passthrough(ChatRequest req, UpstreamModel model, String traceId, Reply reply, InstantSource clock, Consumer<Trace> onTrace,
                Consumer<Trace> onRun, Optional<Routed> route, Consumer<byte[]> answer) {
        this.route = route;
        this.answer = answer;
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
        if (!req.stream()) {
            relay(trace);
            return;
        }
        ObjectNode body = req.body().deepCopy();
        body.putObject("stream_options").put("include_usage", true);
        List<String> failures = new ArrayList<>();
        PonderException last = null;
        for (RawRoute route : model.raw()) {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            Price price = model.prices().find(route.upstreamModel()).or(() -> model.prices().find(model.id())).orElse(Price.FREE);
            Usage[] used = {Usage.ZERO};
            int[] choices = {0};
            try {
                route.stream(body, data -> relay(data, price, used, choices, t0));
                reply.passthroughDone();
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

    /** A non-streamed request: one relayed call through the pool, then the upstream's answer with ours merged in. */
    private void relay(Trace trace) {
        Instant started = clock.instant();
        Relayed r;
        try {
            r = model.pool().relay(model.id(), req.body(), promptChars(req));
        } catch (PonderException e) {
            failed(trace, model, started, e);
            throw e;
        }
        answer.accept(answered(trace, model, started, r, req, traceId, route));
    }

    /** Records a relayed call that failed, with the tries the failure counted (one when it is not a PonderException). */
    static void failed(Trace trace, UpstreamModel model, Instant started, RuntimeException e) {
        String what = e instanceof PonderException p ? p.kind() + ": " + p.getMessage() : e.toString();
        int attempts = e instanceof PonderException p ? p.attempts() : 1;
        trace.record("relay", model.pool().name(), model.id(), 0, Usage.ZERO, started, attempts, List.of(), Optional.of(what));
    }

    /**
     * Records a relayed call that answered, and returns the answer for the client: the upstream's body with the
     * proxy's id and the requested model name, usage (Ponder's estimate when the upstream sent none) and {@code ponder}.
     */
    static byte[] answered(Trace trace, UpstreamModel model, Instant started, Relayed r, ChatRequest req, String traceId,
                           Optional<Routed> route) {
        Usage used = r.usage();
        trace.record("relay", model.pool().name(), model.id(), r.generations().size(), used, started, r.attempts(), List.of(), Optional.empty());
        ObjectNode extra = JSON.createObjectNode();
        if (!r.reportedUsage()) extra.set("usage", dev.ponder.server.api.Completions.usage(used));
        ObjectNode p = ponder(traceId, used);
        p.put("samples", r.generations().size()).put("calls", r.attempts());
        route.ifPresent(x -> p.set("route", dev.ponder.server.api.Completions.route(x)));
        extra.set("ponder", p);
        return r.answer("chatcmpl-" + traceId, req.model(), extra);
    }

    static long promptChars(ChatRequest req) {
        long chars = 0;
        for (var m : req.messages()) chars += m.content().length();
        return chars;
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

    private ObjectNode ponder(Usage u) { return ponder(traceId, u); }

    private static ObjectNode ponder(String traceId, Usage u) {
        ObjectNode p = JSON.createObjectNode();
        p.put("strategy", "single").put("trace_id", traceId).put("dollars", u.dollars()).put("samples", 1).put("calls", 1).put("passthrough", true);
        return p;
    }

}
