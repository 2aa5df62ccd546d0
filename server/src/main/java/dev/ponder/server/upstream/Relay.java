package dev.ponder.server.upstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.Accounting;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.backend.openai.protocol.Retrier;
import dev.ponder.core.backend.openai.protocol.UpstreamErrors;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's relay to one upstream: a client's chat body goes out as written (tools, unknown fields and all) with
 * only {@code model} renamed to the upstream's name, the configuration's extra fields the client did not set, and the
 * token cap under the field this server wants; the answer comes back as bytes with its choices accounted. Tries go
 * out on an event loop's {@link HttpTransport} and are retried by the core's {@link Retrier}, the waits scheduled on
 * the transport's timer, so a relayed request never leaves its loop. Statuses become errors through the core's
 * {@link UpstreamErrors}, as for every other call.
 */
final class Relay {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    private final OpenAiConfig config;
    private final Retrier retrier;
    private final URI uri;
    private final List<String[]> headers;
    private final Map<String, Price> prices = new ConcurrentHashMap<>();

    Relay(OpenAiConfig config) {
        this.config = config;
        this.retrier = new Retrier(config);
        this.uri = URI.create(config.baseUrl() + Endpoint.CHAT.path());
        List<String[]> h = new ArrayList<>(4);
        h.add(new String[] {"Content-Type", "application/json"});
        h.add(new String[] {"Accept", "application/json"});
        h.add(new String[] {"User-Agent", "ponder"});
        config.apiKey().ifPresent(k -> h.add(new String[] {"Authorization", "Bearer " + k.resolve(System.getenv())}));
        this.headers = List.copyOf(h); // the same list for every call: the transport encodes it once (the arrays are never written)
    }

    /**
     * The body relayed and its answer accounted; the future completes on the transport's thread, with
     * {@link Relayed#attempts()} or {@link PonderException#attempts()} the tries it took. {@code promptChars} sizes
     * the token estimate when the server reports no usage. It does not throw: every failure is the future's.
     */
    CompletableFuture<Relayed> relay(String model, ObjectNode body, long promptChars, HttpTransport transport) {
        String upstream;
        byte[] b;
        try {
            upstream = config.upstreamModel(model);
            b = body(upstream, body);
        } catch (PonderException e) {
            return CompletableFuture.failedFuture(e);
        }
        String where = "openai " + config.baseUrl() + " model " + upstream;
        Instant start = config.clock().instant();
        return retrier.runAsync(retry -> transport.post(uri, headers, b, config.requestTimeout())
                .handle((r, err) -> relayed(answer(r, err, where), model, where, start, promptChars, retry + 1)), transport.timer());
    }

    /** A 2xx body; a failure or any other status as a typed error. */
    private byte[] answer(HttpTransport.Response r, Throwable err, String where) {
        if (err != null) {
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            throw UpstreamErrors.ofExchange(cause, where, config.requestTimeout());
        }
        if (r.status() / 100 != 2) throw UpstreamErrors.ofStatus(r.status(), r.headers(), r.body(), where, config.clock());
        return r.body();
    }

    /** A relayed body read and accounted; a malformed one is an error like any bad response (then the next upstream). */
    private Relayed relayed(byte[] raw, String model, String where, Instant start, long promptChars, int attempts) {
        CompletionScan scan = CompletionScan.of(raw, where, config.thinkTags().isPresent());
        RawResult r = scan.result(config.thinkTags(), where, raw);
        Duration latency = Duration.between(start, config.clock().instant());
        Price price = prices.computeIfAbsent(model, config::priceOf); // prefix matching: worth keeping per name
        return new Relayed(raw, scan, Accounting.generations(r, price, latency.isNegative() ? Duration.ZERO : latency, promptChars), attempts);
    }

    /**
     * The client's body for the upstream, written straight from the parsed body: the configuration's extra fields the
     * client did not set, the client's fields (the token cap under the server's field name), the upstream's model.
     */
    private byte[] body(String upstream, ObjectNode client) {
        String field = config.maxTokensField().fieldFor(upstream);
        String other = field.equals("max_tokens") ? "max_completion_tokens" : "max_tokens";
        boolean rename = !client.has(field) && client.has(other);
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (var e : config.extraBody().entrySet()) {
                if (e.getKey().equals("model") || client.has(e.getKey()) || (rename && e.getKey().equals(field))) continue;
                g.writeFieldName(e.getKey());
                JSON.writeValue(g, e.getValue());
            }
            for (var e : client.properties()) {
                if (e.getKey().equals("model")) continue;
                g.writeFieldName(rename && e.getKey().equals(other) ? field : e.getKey());
                JSON.writeTree(g, e.getValue());
            }
            g.writeStringField("model", upstream);
            g.writeEndObject();
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot encode the request body: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
