package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.openai.protocol.Accounting;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.Responses;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.Completions;
import dev.ponder.server.api.Operation;
import dev.ponder.server.json.JsonMappers;
import dev.ponder.server.upstream.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link Decision.Forward} on a thread that may block: a plain completion or an embedding goes to the model's
 * upstreams as written (retries, cooldown, fallback as for every call) and comes back as the upstream wrote it, with
 * the requested model name, usage (Ponder's estimate when the upstream sent none: 4 characters a token) and the
 * {@code ponder} field; its tokens and dollars are booked like a chat's. An embedding's tokens are all input.
 */
record Forwarding(Settlement settlement, InstantSource clock) {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    void run(Decision.Forward d, Reply reply) {
        Trace trace = new Trace(d.arrival().traceId() + "/0");
        ChatRequest req = d.arrival().request();
        Instant started = clock.instant();
        Optional<ApiError> failure = Optional.empty();
        byte[] body = null;
        int[] attempts = {1};
        try {
            body = answer(d, req, trace, started, attempts);
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
            String what = e instanceof PonderException p ? p.kind() + ": " + p.getMessage() : e.toString();
            attempts[0] = e instanceof PonderException p ? p.attempts() : 1;
            trace.record("relay", d.model().pool().name(), d.model().id(), 0, Usage.ZERO, started, attempts[0], List.of(), Optional.of(what));
        }
        byte[] out = body;
        Settled s = Settled.of(d, trace.total(), failure.map(ApiError::status).orElse(200), List.of(Settled.asWritten(trace)), attempts[0], clock);
        settlement.conclude(d, s, failure, reply, r -> r.passthroughBody(out));
    }

    private byte[] answer(Decision.Forward d, ChatRequest req, Trace trace, Instant started, int[] attempts) {
        String path = req.operation().path();
        Price[] price = {Price.FREE};
        Upstream.Forwarded f = d.model().pool().passThrough(u -> {
            price[0] = u.price(d.model().id());
            return u.forward(path, d.model().id(), req.body());
        });
        attempts[0] = f.attempts();
        Duration latency = Duration.between(started, clock.instant());
        long promptChars = Relaying.promptChars(req);
        Usage used;
        int choices;
        if (req.operation() == Operation.EMBEDDING) {
            long prompt = f.body().path("usage").path("prompt_tokens").isNumber() ? f.body().path("usage").path("prompt_tokens").asLong()
                    : f.body().path("usage").path("total_tokens").asLong((promptChars + 3) / 4);
            used = new Usage(prompt, 0, 0, price[0].cost(prompt, 0), latency.isNegative() ? Duration.ZERO : latency);
            choices = f.body().path("data").size();
        } else {
            List<Generation> gens = Accounting.generations(Responses.parse(f.body(), Endpoint.COMPLETIONS, Optional.empty(), f.where()), price[0],
                    latency.isNegative() ? Duration.ZERO : latency, promptChars);
            used = Usage.ZERO;
            for (Generation g : gens) used = used.plus(g.usage());
            choices = gens.size();
        }
        trace.record("relay", d.model().pool().name(), d.model().id(), choices, used, started, f.attempts(), List.of(), Optional.empty());
        ObjectNode out = f.body().deepCopy();
        if (req.operation() == Operation.COMPLETION) out.put("id", "cmpl-" + d.arrival().traceId());
        out.put("model", req.model());
        if (!f.body().path("usage").isObject()) out.set("usage", req.operation() == Operation.EMBEDDING
                ? JSON.createObjectNode().put("prompt_tokens", used.inputTokens()).put("total_tokens", used.inputTokens()) : Completions.usage(used));
        out.set("ponder", Relaying.ponder(d.arrival().traceId(), used).put("samples", choices).put("calls", f.attempts()));
        try {
            return JSON.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
