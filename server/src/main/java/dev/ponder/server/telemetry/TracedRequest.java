package dev.ponder.server.telemetry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.telemetry.Keys;
import dev.ponder.core.telemetry.RequestSpans;
import dev.ponder.core.telemetry.UpstreamSpan;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;
import dev.ponder.server.chat.Settled;
import dev.ponder.server.json.JsonMappers;
import dev.ponder.server.trace.TraceJson;
import dev.ponder.server.upstream.HttpTransport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One traced request, standing in for its reply and its loop's transport: it learns the trace id, the finish reasons
 * and the error the answer carries, and ends the span once the answer is out ({@link #release}). A body relayed as
 * written goes through {@link #post}: one upstream span per upstream tried (its retries inside, each try carrying the
 * span's {@code traceparent}), described from the upstream's own response and, at settlement, with what it cost.
 */
final class TracedRequest implements Reply, HttpTransport {
    private final ProxyTelemetry owner;
    private final Span span;
    private final Context context;
    private final Reply reply;
    private final HttpTransport transport;
    private final String idPrefix;
    private String traceId;
    private UpstreamSpan upstream;
    private URI upstreamUri;
    private int tries;
    private String lastError; // the last try's failure: an HTTP status or an exception's class; null after a 2xx
    private List<String> finishReasons = List.of();

    TracedRequest(ProxyTelemetry owner, Span span, Context context, Reply reply, HttpTransport transport, String idPrefix) {
        this.owner = owner;
        this.span = span;
        this.context = context;
        this.reply = reply;
        this.transport = transport;
        this.idPrefix = idPrefix;
    }

    @Override
    public void trace(String id) {
        traceId = id;
        span.setAttribute(Keys.TRACE_ID, id);
        if (!idPrefix.isEmpty()) span.setAttribute(Keys.RESPONSE_ID, idPrefix + id);
        owner.opened(id, this);
        reply.trace(id);
    }

    /** The request settled: the strategy, its first run, the totals; a relayed call's span gets its cost and ends. */
    void settled(Settled s) {
        String strategy = s.target().strategy().name();
        int samples = 0;
        int calls = 0;
        for (TraceJson.Run r : s.runs()) {
            samples += r.samples().size();
            calls += r.trace().calls().size();
        }
        if (s.runs().isEmpty()) span.setAttribute(Keys.STRATEGY, strategy);
        else {
            TraceJson.Run first = s.runs().getFirst();
            RequestSpans.run(span, strategy, first.answer(), first.samples(), first.stop());
        }
        span.setAttribute(Keys.RUNS, (long) Math.max(1, s.runs().size())).setAttribute(Keys.HTTP_STATUS, (long) s.status());
        RequestSpans.totals(span, s.used(), samples, calls, finishReasons);
        synchronized (this) {
            if (upstream != null) {
                upstream.usage(s.used());
                endUpstream();
            }
        }
    }

    @Override
    public void finish(Outcome outcome, boolean textAlreadyStreamed) {
        List<String> reasons = new ArrayList<>();
        for (Outcome.Choice c : outcome.choices()) reasons.add(c.finishReason());
        finishReasons = reasons;
        span.setAttribute(Keys.FINISH_REASONS, reasons);
        reply.finish(outcome, textAlreadyStreamed);
    }

    @Override
    public void fail(ApiError error) {
        span.setAttribute(Keys.HTTP_STATUS, (long) error.status());
        RequestSpans.failed(span, error.code().orElse(error.type()), error.message());
        reply.fail(error);
    }

    @Override
    public void release() {
        try {
            reply.release();
        } finally {
            synchronized (this) {
                endUpstream();
            }
            if (traceId != null) owner.closed(traceId);
            span.end();
        }
    }

    @Override
    public void delta(Delta delta) { reply.delta(delta); }

    @Override
    public void comment(String text) { reply.comment(text); }

    @Override
    public void passthrough(ObjectNode chunk) { reply.passthrough(chunk); }

    @Override
    public void passthroughBody(byte[] json) { reply.passthroughBody(json); }

    @Override
    public void passthroughDone() { reply.passthroughDone(); }

    /** A relayed body's try: in the span of the upstream at {@code uri} (a new one when the pool moved on), with its context. */
    @Override
    public CompletionStage<Response> post(URI uri, List<String[]> headers, byte[] body, Duration timeout) {
        UpstreamSpan call;
        synchronized (this) {
            if (upstream == null || !uri.equals(upstreamUri)) {
                endUpstream();
                upstream = UpstreamSpan.detached(owner.telemetry(), context, "chat", "openai", model(body), uri, 1);
                upstreamUri = uri;
            }
            call = upstream;
            tries++;
        }
        return transport.post(uri, call.headers(headers), body, timeout).whenComplete((r, err) -> answered(call, r, err));
    }

    @Override
    public ScheduledExecutorService timer() { return transport.timer(); }

    /** What one try got: a failure, or a status and, for a 2xx, the body's id, model and finish reasons. */
    private void answered(UpstreamSpan call, Response r, Throwable err) {
        String error = null;
        List<String> reasons = List.of();
        if (err != null) {
            error = (err.getCause() != null ? err.getCause() : err).getClass().getName();
        } else {
            call.status(r.status());
            if (r.status() / 100 != 2) error = String.valueOf(r.status());
            else reasons = described(call, r.body());
        }
        synchronized (this) {
            if (call != upstream) return;
            lastError = error;
            if (error == null) finishReasons = reasons;
        }
    }

    /** The finish reasons of a 2xx body, its id and model noted on the call's span; none when it is not a completion. */
    private static List<String> described(UpstreamSpan call, byte[] raw) {
        try {
            JsonNode body = JsonMappers.mapper().readTree(raw);
            call.response(body.path("id").asText(""), body.path("model").asText(""));
            List<String> reasons = new ArrayList<>();
            for (JsonNode c : body.path("choices")) reasons.add(c.path("finish_reason").asText("unknown"));
            call.finishReasons(reasons);
            return reasons;
        } catch (IOException | RuntimeException e) {
            return List.of(); // the relay refuses such a body, and its answer says why
        }
    }

    private void endUpstream() {
        if (upstream == null) return;
        upstream.tried(tries, lastError);
        upstream.close();
        upstream = null;
        tries = 0;
        lastError = null;
    }

    /** The relayed body's top-level {@code model}: the name the upstream is asked for. */
    private static String model(byte[] body) {
        try (JsonParser p = JsonMappers.mapper().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("model") && v == JsonToken.VALUE_STRING) return p.getText();
                p.skipChildren();
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
