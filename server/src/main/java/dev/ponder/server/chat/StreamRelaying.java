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
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link Decision.StreamRelay} on a thread that may block: the client's streamed body goes to the model's
 * upstreams as written, through each upstream's own HTTP client, upstreams tried in turn (cooldown, fallback) until
 * one starts answering; its chunks reach the client as they come, with the requested model name, usage priced and the
 * {@code ponder} field on the usage chunk. The closing {@code [DONE]} goes out once the request is settled.
 */
record StreamRelaying(Settlement settlement, InstantSource clock) {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    void run(Decision.StreamRelay d, Reply reply) {
        Trace trace = new Trace(d.arrival().traceId() + "/0");
        Optional<ApiError> failure = Optional.empty();
        try {
            relay(d, trace, reply);
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
        }
        Settled s = Settled.of(d, trace.total(), failure.map(ApiError::status).orElse(200), List.of(Settled.asWritten(trace)), clock);
        settlement.conclude(d, s, failure, reply, Reply::passthroughDone);
    }

    private void relay(Decision.StreamRelay d, Trace trace, Reply reply) {
        ObjectNode body = d.arrival().request().body().deepCopy();
        body.putObject("stream_options").put("include_usage", true);
        d.model().pool().passThrough(u -> {
            Instant started = clock.instant();
            Chunks chunks = new Chunks(d.arrival(), reply, u.price(d.model().id()), System.nanoTime());
            try {
                u.streamRaw(d.arrival().request().operation().path(), d.model().id(), body, chunks);
                trace.record("passthrough", "raw:" + u.name(), d.model().id(), chunks.choices, chunks.used, started, 1, List.of(), Optional.empty());
                return chunks;
            } catch (PonderException e) {
                trace.record("passthrough", "raw:" + u.name(), d.model().id(), 0, chunks.used, started, 1, List.of(),
                        Optional.of(e.kind() + ": " + e.getMessage()));
                if (chunks.used.equals(Usage.ZERO)) {
                    CutStreams.book(trace, d.model(), d.model().ask(d.arrival().request(), d.arrival().traceId()).base(), chunks.chars, started);
                }
                throw e;
            }
        });
    }

    /** A passed-through stream's chunks on their way to the client: model renamed, usage priced (ours added), choices counted. */
    private static final class Chunks implements SseStream.Events {
        private final Arrival arrival;
        private final Reply reply;
        private final Price price;
        private final long t0;
        private boolean delivered;
        Usage used = Usage.ZERO;
        int choices;
        long chars; // of output text and tool-call arguments sent on

        Chunks(Arrival arrival, Reply reply, Price price, long t0) {
            this.arrival = arrival;
            this.reply = reply;
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
            ChatRequest req = arrival.request();
            JsonNode u = chunk.get("usage");
            if (u != null) {
                Responses.usage(u).ifPresent(t -> used = new Usage(t.prompt(), t.completion(), Math.min(t.reasoning(), t.completion()),
                        price.cost(t.prompt(), t.completion()), Duration.ofNanos(System.nanoTime() - t0)));
            }
            for (JsonNode c : chunk.path("choices")) {
                choices = Math.max(choices, c.path("index").asInt(0) + 1);
                JsonNode delta = c.path("delta");
                chars += delta.path("content").asText("").length() + c.path("text").asText("").length();
                for (JsonNode t : delta.path("tool_calls")) chars += t.path("function").path("arguments").asText("").length();
            }
            chunk.put("model", req.model());
            if (chunk.path("choices").isEmpty() && u != null && u.isObject()) {
                if (!req.includeUsage()) return;
                chunk.set("ponder", Relaying.ponder(arrival.traceId(), used));
            } else if (!req.includeUsage()) {
                chunk.remove("usage");
            }
            reply.passthrough(chunk);
        }
    }
}
