package dev.ponder.core.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.Accounting;
import dev.ponder.core.backend.openai.protocol.Exchange;
import dev.ponder.core.backend.openai.protocol.FanOut;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.backend.openai.protocol.Retrier;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.telemetry.UpstreamSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Messages API backend: one request a sample (n in parallel on virtual threads), each through the core's
 * {@link Exchange} (the JDK HttpClient, statuses mapped by {@code UpstreamErrors}: 401 unauthorized, 429 rate limited
 * with its Retry-After, 529 overloaded and 5xx unavailable) and retried by the one {@link Retrier}; streams read by the
 * one {@link SseStream}; usage split and priced by {@link Accounting}, as for the OpenAI-compatible backend.
 */
final class HttpAnthropicBackend implements AnthropicBackend {
    private final AnthropicConfig config;
    private final OpenAiConfig connection;
    private final Exchange exchange;
    private final Retrier retrier;

    HttpAnthropicBackend(AnthropicConfig config) {
        this.config = config;
        this.connection = config.connection();
        Map<String, String> headers = new LinkedHashMap<>();
        connection.apiKey().ifPresent(k -> headers.put("x-api-key", k.resolve(System.getenv())));
        headers.put("anthropic-version", config.version());
        if (!config.betas().isEmpty()) headers.put("anthropic-beta", String.join(",", config.betas()));
        this.exchange = new Exchange(connection, headers);
        this.retrier = new Retrier(connection);
    }

    @Override
    public String name() { return "anthropic:" + connection.baseUrl(); }

    @Override
    public boolean budgetsThinking(String model) { return true; }

    @Override
    public Generated generate(GenerationRequest request) { return run(request, Optional.empty()); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        return run(request, Optional.of(StreamListener.serial(listener)));
    }

    /** Input counts once a sample (one request each); output is the token cap a sample, thinking included. */
    @Override
    public Usage worstCase(GenerationRequest r) {
        ObjectNode body = MessagesBody.of(config, connection.upstreamModel(r.model()), r, false);
        long in = Accounting.promptAtMost(r) * r.n();
        long out = body.path("max_tokens").asLong() * r.n();
        return new Usage(in, out, 0, connection.priceOf(r.model()).cost(in, out), Duration.ZERO);
    }

    @Override
    public void close() { exchange.close(); }

    private Generated run(GenerationRequest r, Optional<StreamListener> listener) {
        String upstream = connection.upstreamModel(r.model());
        String where = "anthropic " + connection.baseUrl() + " model " + upstream;
        ObjectNode body = MessagesBody.of(config, upstream, r, listener.isPresent());
        Price price = connection.priceOf(r.model());
        long promptChars = Accounting.promptChars(r.messages());
        AtomicInteger retries = new AtomicInteger();
        try (UpstreamSpan span = UpstreamSpan.open("chat", "anthropic", upstream, connection.baseUrl(), r.n())
                .request(Optional.of(body.path("max_tokens").asInt()), r.extra())) {
            try {
                List<Generation> out = r.n() == 1 ? once(body, 0, listener, where, price, promptChars, retries)
                        : FanOut.run(r.n(), i -> once(body, i, listener, where, price, promptChars, retries));
                Generated g = new Generated(out, 1 + retries.get());
                if (span.recording()) span.answered(out.stream().map(Generation::finishReason).toList(), g.usage(), g.attempts());
                return g;
            } catch (PonderException e) {
                PonderException counted = e.withAttempts(1 + retries.get());
                span.failed(counted);
                throw counted;
            }
        }
    }

    private List<Generation> once(ObjectNode body, int choice, Optional<StreamListener> listener, String where, Price price, long promptChars,
                                  AtomicInteger retries) {
        Instant start = connection.clock().instant();
        RawResult r = retrier.run(() -> attempt(body, choice, listener, where), retries);
        Duration latency = Duration.between(start, connection.clock().instant());
        return Accounting.generations(r, price, latency.isNegative() ? Duration.ZERO : latency, promptChars);
    }

    private RawResult attempt(ObjectNode body, int choice, Optional<StreamListener> listener, String where) {
        if (listener.isEmpty()) {
            JsonNode reply = exchange.postJson(config.messagesPath(), body, where);
            UpstreamSpan.responded(reply.path("id").asText(""), reply.path("model").asText(""));
            return MessagesReply.parse(reply, where);
        }
        return switch (exchange.openStream(config.messagesPath(), body, where)) {
            case Exchange.Opened.Whole w -> whole(MessagesReply.parse(w.body(), where), choice, listener.get());
            case Exchange.Opened.Events ev -> {
                MessagesAssembler events = new MessagesAssembler(choice, listener.get(), where);
                new SseStream(ev.body()).drain(events, connection.requestTimeout(), where);
                yield events.finish();
            }
        };
    }

    /** A streamed request answered in one piece: its thinking and text go to the listener whole. */
    private static RawResult whole(RawResult r, int choice, StreamListener listener) {
        RawResult.Choice c = r.choices().getFirst();
        if (!c.reasoning().isEmpty()) listener.onDelta(new Delta(choice, Delta.Channel.REASONING, c.reasoning()));
        if (!c.content().isEmpty()) listener.onDelta(new Delta(choice, Delta.Channel.CONTENT, c.content()));
        return r;
    }
}
