package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.openai.protocol.Responses;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.json.JsonMappers;
import dev.ponder.server.route.Routed;
import dev.ponder.server.upstream.HttpTransport;
import dev.ponder.server.upstream.Relayed;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A request sent to the upstream as the client wrote it: always for tool calling, tool messages and images, and for
 * every non-streamed one-choice {@code single} request, which needs no strategy engine. The response comes back as
 * the upstream wrote it (finish reasons, logprobs, tool calls, system fingerprint intact) with the proxy's id and
 * model name, usage (estimated when the upstream sent none) and the {@code ponder} field (dollars, trace id).
 * Both go through the model's upstream pool (retries, cooldown, fallback): non-streamed bodies on the pool's relay over
 * {@code transport}, streams chunk by chunk through each upstream's own client, upstreams tried until one starts answering.
 */
final class Passthrough {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    private final ChatRequest req;
    private final UpstreamModel model;
    private final String traceId;
    private final Reply reply;
    private final InstantSource clock;
    private final Consumer<Trace> onTrace;
    private final Consumer<Trace> onRun;
    private final Optional<Routed> route;
    private final Consumer<byte[]> answer;
    private final HttpTransport transport;

    /**
     * {@code answer} takes a non-streamed answer, for the caller to send once the request is accounted; such a body is
     * relayed on {@code transport} (the caller waits for it).
     */
    Passthrough(ChatRequest req, UpstreamModel model, String traceId, Reply reply, InstantSource clock, Consumer<Trace> onTrace,
                Consumer<Trace> onRun, Optional<Routed> route, Consumer<byte[]> answer, HttpTransport transport) {
        this.transport = transport;
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
        model.pool().passThrough(u -> {
            Instant started = clock.instant();
            Chunks chunks = new Chunks(u.price(model.id()), System.nanoTime());
            try {
                u.streamRaw(model.id(), body, chunks);
                reply.passthroughDone();
                trace.record("passthrough", "raw:" + u.name(), model.id(), chunks.choices, chunks.used, started, 1, List.of(), Optional.empty());
                return chunks;
            } catch (PonderException e) {
                trace.record("passthrough", "raw:" + u.name(), model.id(), 0, chunks.used, started, 1, List.of(),
                        Optional.of(e.kind() + ": " + e.getMessage()));
                throw e;
            }
        });
    }

    /** A non-streamed request: one relayed call through the pool, then the upstream's answer with ours merged in. */
    private void relay(Trace trace) {
        Instant started = clock.instant();
        Relayed r;
        try {
            r = model.pool().relayAsync(model.id(), req.body(), promptChars(req), transport).join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : e;
            failed(trace, model, started, cause);
            throw cause;
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

    /** A passed-through stream's chunks on their way to the client: model renamed, usage priced (ours added), choices counted. */
    private final class Chunks implements SseStream.Events {
        private final Price price;
        private final long t0;
        private boolean delivered;
        Usage used = Usage.ZERO;
        int choices;

        Chunks(Price price, long t0) {
            this.price = price;
            this.t0 = t0;
        }

        @Override
        public void accept(String data) {
            relay(data);
            delivered = true;
        }

        @Override
        public boolean delivered() { return delivered; }

        private void relay(String data) {
            ObjectNode chunk;
            try {
                JsonNode n = JSON.readTree(data);
                if (n == null || !n.isObject()) return;
                chunk = (ObjectNode) n;
            } catch (IOException e) {
                throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, "malformed JSON in an upstream chunk", null, e, true);
            }
            JsonNode u = chunk.get("usage");
            if (u != null) {
                Responses.usage(u).ifPresent(t -> used = new Usage(t.prompt(), t.completion(), Math.min(t.reasoning(), t.completion()),
                        price.cost(t.prompt(), t.completion()), Duration.ofNanos(System.nanoTime() - t0)));
            }
            for (JsonNode c : chunk.path("choices")) choices = Math.max(choices, c.path("index").asInt(0) + 1);
            chunk.put("model", req.model());
            if (chunk.path("choices").isEmpty() && u != null && u.isObject()) {
                if (!req.includeUsage()) return;
                chunk.set("ponder", ponder(traceId, used));
            } else if (!req.includeUsage()) {
                chunk.remove("usage");
            }
            reply.passthrough(chunk);
        }
    }

    private static ObjectNode ponder(String traceId, Usage u) {
        ObjectNode p = JSON.createObjectNode();
        p.put("strategy", "single").put("trace_id", traceId).put("dollars", u.dollars()).put("samples", 1).put("calls", 1).put("passthrough", true);
        return p;
    }
}
