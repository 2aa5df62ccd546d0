package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.openai.NParameter;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.model.Usage;
import dev.ponder.core.telemetry.UpstreamSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible backend. A call asks for {@code n} choices in one request; when the server returns fewer
 * (Ollama ignores {@code n}) or rejects {@code n} > 1 (llama.cpp), the backend remembers it and gets the rest from
 * parallel one-choice requests on virtual threads. Streamed calls send {@code stream_options.include_usage} and drop
 * it for servers that reject it. Every request goes through one {@link Exchange} (the JDK HttpClient), closed with
 * the backend; the proxy shares an upstream's exchange for the streams it passes through as the client wrote them.
 */
public final class HttpOpenAiBackend implements OpenAiBackend {
    private static final Pattern MENTIONS_N = Pattern.compile("(?i)(\\bn\\b|completion choice|multiple choices|num_choices)");

    private final OpenAiConfig config;
    private final Exchange exchange;
    private final Retrier retrier;
    private final AtomicBoolean ignoresN;
    private final AtomicBoolean noStreamOptions = new AtomicBoolean();
    private final Map<String, Price> prices = new ConcurrentHashMap<>();

    /** One logical call: the endpoint, the names, and the body for k choices. */
    private record Job(Endpoint endpoint, String requestModel, String upstream, Body body, long promptChars, Optional<Integer> cap,
                       Map<String, Object> extra) {
        String where(OpenAiConfig c) { return "openai " + c.baseUrl() + " model " + upstream; }
    }

    @FunctionalInterface
    private interface Body {
        ObjectNode of(int n, boolean stream, boolean includeUsage);
    }

    /** A backend whose calls all go through {@code exchange} (a client for {@code config}'s server); closing it closes that. */
    public HttpOpenAiBackend(OpenAiConfig config, Exchange exchange) {
        this.config = config;
        this.exchange = exchange;
        this.retrier = new Retrier(config);
        this.ignoresN = new AtomicBoolean(config.nParameter() == NParameter.IGNORED);
    }

    @Override
    public String name() { return "openai:" + config.baseUrl(); }

    @Override
    public Generated generate(GenerationRequest request) { return run(chatJob(request), request.n(), Optional.empty()); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        return run(chatJob(request), request.n(), Optional.of(StreamListener.serial(listener)));
    }

    @Override
    public Generated complete(CompletionRequest request) {
        return run(completionJob(request), request.n(), Optional.empty());
    }

    @Override
    public void close() { exchange.close(); }

    @Override
    public Usage worstCase(GenerationRequest r) {
        int cap = Bodies.cap(r.maxTokens(), r.extra(), config.extraBody()).orElse(config.defaultMaxTokens());
        return worst(Accounting.promptAtMost(r), cap, r.n(), price(r.model()));
    }

    @Override
    public Usage worstCase(CompletionRequest r) {
        long prompt = r.prompt().length() / 2L + 16;
        int cap = Bodies.cap(r.maxTokens(), r.extra(), config.extraBody()).orElse(config.defaultMaxTokens());
        return worst(prompt, cap, r.n(), price(r.model()));
    }

    /** Input counts once per request: n times when the choices may come from n requests. */
    private Usage worst(long prompt, int cap, int n, Price price) {
        long in = prompt * (n > 1 && config.nParameter() != NParameter.HONOURED ? n : 1);
        long out = (long) cap * n;
        return new Usage(in, out, 0, price.cost(in, out), Duration.ZERO);
    }

    private Job chatJob(GenerationRequest r) {
        String upstream = config.upstreamModel(r.model());
        long chars = Accounting.promptChars(r.messages());
        return new Job(Endpoint.CHAT, r.model(), upstream, (n, s, u) -> Bodies.chat(config, upstream, r, n, s, u), chars, r.maxTokens(),
                r.extra());
    }

    private Job completionJob(CompletionRequest r) {
        String upstream = config.upstreamModel(r.model());
        return new Job(Endpoint.COMPLETIONS, r.model(), upstream, (n, s, u) -> Bodies.completion(config, upstream, r, n, s, u),
                r.prompt().length(), r.maxTokens(), r.extra());
    }

    /** One logical call, its retries and parallel requests included: one upstream span when the request has telemetry. */
    private Generated run(Job job, int n, Optional<StreamListener> listener) {
        AtomicInteger retries = new AtomicInteger();
        try (UpstreamSpan span = UpstreamSpan.open(job.endpoint().operation(), "openai", job.upstream(), config.baseUrl(), n)
                .request(job.cap(), job.extra())) {
            try {
                Generated g = new Generated(choices(job, n, listener, retries), 1 + retries.get());
                if (span.recording()) span.answered(g.generations().stream().map(Generation::finishReason).toList(), g.usage(), g.attempts());
                return g;
            } catch (PonderException e) {
                PonderException counted = e.withAttempts(1 + retries.get());
                span.failed(counted);
                throw counted;
            }
        }
    }

    private List<Generation> choices(Job job, int n, Optional<StreamListener> listener, AtomicInteger retries) {
        if (n > 1 && ignoresN.get()) return FanOut.run(n, i -> once(job, 1, i, listener, retries));
        List<Generation> first;
        try {
            first = once(job, n, 0, listener, retries);
        } catch (PonderException e) {
            if (n > 1 && config.nParameter() == NParameter.AUTO && rejectsN(e)) {
                ignoresN.set(true);
                return FanOut.run(n, i -> once(job, 1, i, listener, retries));
            }
            throw e;
        }
        if (first.size() >= n) return List.copyOf(first.subList(0, n));
        if (config.nParameter() == NParameter.HONOURED) {
            throw new PonderException(Kind.BAD_UPSTREAM_RESPONSE, job.where(config) + ": asked for " + n
                    + " choices, got " + first.size() + " (configured as honouring n; use AUTO or IGNORED for this server)");
        }
        ignoresN.set(true);
        int have = first.size();
        List<Generation> all = new ArrayList<>(first);
        all.addAll(FanOut.run(n - have, i -> once(job, 1, have + i, listener, retries)));
        return all;
    }

    private static boolean rejectsN(PonderException e) {
        if (e.kind() != Kind.INVALID_INPUT || e.outputDelivered()) return false;
        String m = e.getMessage();
        int at = m.indexOf(": HTTP ");
        return MENTIONS_N.matcher(at < 0 ? m : m.substring(at + 7)).find();
    }

    /** One request for k choices (retried as needed), accounted; choice indices start at {@code offset}. */
    private List<Generation> once(Job job, int k, int offset, Optional<StreamListener> listener, AtomicInteger retries) {
        Instant start = config.clock().instant();
        RawResult r = retrier.run(() -> attempt(job, k, offset, listener), retries);
        Duration latency = Duration.between(start, config.clock().instant());
        return Accounting.generations(r, price(job.requestModel()), latency.isNegative() ? Duration.ZERO : latency, job.promptChars());
    }

    private RawResult attempt(Job job, int k, int offset, Optional<StreamListener> listener) {
        String where = job.where(config);
        if (listener.isEmpty()) {
            JsonNode body = exchange.postJson(job.endpoint().path(), job.body().of(k, false, false), where);
            UpstreamSpan.responded(body.path("id").asText(""), body.path("model").asText(""));
            return Responses.parse(body, job.endpoint(), config.thinkTags(), where);
        }
        boolean withUsage = !noStreamOptions.get();
        Exchange.Opened opened;
        try {
            opened = exchange.openStream(job.endpoint().path(), job.body().of(k, true, withUsage), where);
        } catch (PonderException e) {
            if (withUsage && e.kind() == Kind.INVALID_INPUT && e.getMessage().contains("stream_options")) {
                noStreamOptions.set(true);
                return attempt(job, k, offset, listener);
            }
            throw e;
        }
        return switch (opened) {
            case Exchange.Opened.Whole w -> whole(Responses.parse(w.body(), job.endpoint(), config.thinkTags(), where), offset, listener.get());
            case Exchange.Opened.Events ev -> {
                StreamAssembler asm = new StreamAssembler(job.endpoint(), config.thinkTags(), offset, listener.get(), where);
                yield asm.finish(new SseStream(ev.body()).drain(asm, config.requestTimeout(), where));
            }
        };
    }

    /** A server that answered a streamed request in one piece: its output is delivered as one delta per part. */
    private static RawResult whole(RawResult r, int offset, StreamListener listener) {
        for (int i = 0; i < r.choices().size(); i++) {
            RawResult.Choice c = r.choices().get(i);
            if (!c.reasoning().isEmpty()) listener.onDelta(new Delta(offset + i, Delta.Channel.REASONING, c.reasoning()));
            if (!c.content().isEmpty()) listener.onDelta(new Delta(offset + i, Delta.Channel.CONTENT, c.content()));
        }
        return r;
    }

    private Price price(String requestModel) {
        // the catalogue matches by prefix, so its answer for a name is worth keeping (a few names per backend)
        return prices.computeIfAbsent(requestModel, config::priceOf);
    }
}
