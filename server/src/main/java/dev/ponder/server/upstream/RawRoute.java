package dev.ponder.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One upstream reached with the client's body as sent (only {@code model} rewritten), for streamed requests the
 * strategy engine cannot represent, such as tool calling, which pass through intact for {@code single} (non-streamed
 * ones go through the pool's relay). Non-2xx answers become typed errors carrying the upstream's message; the stream
 * is handed over line by line.
 */
public record RawRoute(String name, URI baseUrl, Optional<String> apiKey, String upstreamModel, Duration timeout, HttpClient client) {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();

    public static RawRoute of(String name, URI baseUrl, Optional<String> apiKey, String upstreamModel, Duration timeout) {
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Runnable::run).build();
        return new RawRoute(name, baseUrl, apiKey, upstreamModel, timeout, c);
    }

    /** POSTs a streamed request and hands each SSE data payload to {@code onData} until [DONE] or the end. */
    public void stream(ObjectNode body, Consumer<String> onData) {
        HttpResponse<InputStream> r = open(body, true);
        boolean delivered = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("data:")) continue;
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) return;
                onData.accept(data);
                delivered = true;
            }
            throw new IOException("the stream ended without [DONE]");
        } catch (IOException e) {
            throw new PonderException(delivered ? Kind.STREAM_BROKEN : Kind.UPSTREAM_UNAVAILABLE, name + ": the stream broke: "
                    + e.getMessage(), null, e, delivered);
        }
    }

    private HttpResponse<InputStream> open(ObjectNode body, boolean stream) {
        ObjectNode b = body.deepCopy();
        b.put("model", upstreamModel);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions")).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString()));
        apiKey.ifPresent(k -> req.header("Authorization", "Bearer " + k));
        HttpResponse<InputStream> r;
        try {
            r = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PonderException(Kind.UPSTREAM_UNAVAILABLE, name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(Kind.INTERNAL, name + ": interrupted", e);
        }
        if (r.statusCode() / 100 != 2) {
            String text;
            try (InputStream in = r.body()) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            String msg = text;
            try {
                JsonNode n = JSON.readTree(text);
                if (n != null && n.path("error").path("message").isTextual()) msg = n.path("error").path("message").asText();
            } catch (IOException ignored) {
                // not JSON: keep the text
            }
            Kind k = switch (r.statusCode()) {
                case 400, 422 -> Kind.INVALID_INPUT;
                case 404 -> Kind.NOT_FOUND;
                case 429 -> Kind.RATE_LIMITED;
                default -> r.statusCode() >= 500 ? Kind.UPSTREAM_UNAVAILABLE : Kind.BAD_UPSTREAM_RESPONSE;
            };
            throw new PonderException(k, name + ": HTTP " + r.statusCode() + ": " + msg);
        }
        return r;
    }
}
