package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.Completions;
import dev.ponder.server.json.JsonMappers;
import dev.ponder.server.upstream.HttpTransport;
import dev.ponder.server.upstream.Relayed;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a {@link Decision.Relay}: the client's body goes to the model's upstream pool as written (retries, cooldown and
 * fallback, the waits on the transport's timer), without a thread waiting for it, and the answer is the upstream's
 * body as it wrote it (finish reasons, logprobs, tool calls, system fingerprint intact) with the proxy's id, the
 * requested model name, usage (Ponder's estimate when the upstream sent none) and the {@code ponder} field spliced in.
 * The answer is sent from the transport's thread once the request is settled.
 */
record Relaying(Settlement settlement, InstantSource clock) {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    void start(Decision.Relay d, Reply reply, HttpTransport transport) {
        ChatRequest req = d.arrival().request();
        Instant started = clock.instant();
        CompletableFuture<Relayed> relay;
        try {
            relay = d.model().pool().relayAsync(d.model().id(), req.body(), promptChars(req), transport);
        } catch (RuntimeException e) {
            relay = CompletableFuture.failedFuture(e); // answered and settled below like any failure
        }
        relay.whenComplete((r, err) -> finish(d, started, r, err, reply));
    }

    private void finish(Decision.Relay d, Instant started, Relayed r, Throwable err, Reply reply) {
        Trace trace = new Trace(d.arrival().traceId() + "/0");
        Usage used = Usage.ZERO;
        int attempts = 1;
        byte[] answer = null;
        Optional<ApiError> failure = Optional.empty();
        try {
            if (err == null) {
                used = r.usage();
                attempts = r.attempts();
                answer = answered(trace, d, started, r);
            } else {
                RuntimeException e = err instanceof RuntimeException re ? re : new PonderException(PonderException.Kind.INTERNAL, err.toString(), err);
                attempts = failed(trace, d, started, e);
                failure = Optional.of(ApiError.of(e));
            }
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
        }
        byte[] body = answer;
        Settled s = Settled.of(d, used, failure.map(ApiError::status).orElse(200), List.of(Settled.asWritten(trace)), attempts, clock);
        settlement.conclude(d, s, failure, reply, out -> out.passthroughBody(body));
    }

    /** Records a relayed call that failed, with the tries the failure counted (one when it is not a PonderException). */
    private static int failed(Trace trace, Decision.Relay d, Instant started, RuntimeException e) {
        String what = e instanceof PonderException p ? p.kind() + ": " + p.getMessage() : e.toString();
        int attempts = e instanceof PonderException p ? p.attempts() : 1;
        trace.record("relay", d.model().pool().name(), d.model().id(), 0, Usage.ZERO, started, attempts, List.of(), Optional.of(what));
        return attempts;
    }

    /**
     * Records a relayed call that answered, and returns the answer for the client: the upstream's body with the
     * proxy's id and the requested model name, usage (Ponder's estimate when the upstream sent none) and {@code ponder}.
     */
    private static byte[] answered(Trace trace, Decision.Relay d, Instant started, Relayed r) {
        Usage used = r.usage();
        trace.record("relay", d.model().pool().name(), d.model().id(), r.generations().size(), used, started, r.attempts(), List.of(),
                Optional.empty());
        ObjectNode extra = JSON.createObjectNode();
        if (!r.reportedUsage()) extra.set("usage", Completions.usage(used));
        ObjectNode p = ponder(d.arrival().traceId(), used);
        p.put("samples", r.generations().size()).put("calls", r.attempts());
        d.target().route().ifPresent(x -> p.set("route", Completions.route(x)));
        extra.set("ponder", p);
        return r.answer("chatcmpl-" + d.arrival().traceId(), d.arrival().request().model(), extra);
    }

    /** The {@code ponder} field of an answer passed through as written. */
    static ObjectNode ponder(String traceId, Usage u) {
        ObjectNode p = JSON.createObjectNode();
        p.put("strategy", "single").put("trace_id", traceId).put("dollars", u.dollars()).put("samples", 1).put("calls", 1).put("passthrough", true);
        return p;
    }

    /** The prompt's size in characters, for the token estimate when the upstream reports no usage. */
    static long promptChars(ChatRequest req) {
        long chars = 0;
        for (var m : req.messages()) chars += m.content().length();
        return chars;
    }
}
