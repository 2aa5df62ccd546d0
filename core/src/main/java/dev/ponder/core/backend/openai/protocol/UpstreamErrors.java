package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;

/**
 * The one place an upstream HTTP status or transport failure becomes a typed {@link PonderException}, for every path
 * that reaches an upstream: the backend's calls and streams, and the proxy's relay and passed-through streams.
 */
public final class UpstreamErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamErrors() { }

    /** A non-2xx answer: its kind from the status and the body's code, the server's message, its Retry-After. */
    public static PonderException ofStatus(int status, HttpHeaders headers, byte[] body, String where, InstantSource clock) {
        String message = message(body);
        String code = code(body);
        Kind kind = switch (status) {
            case 400, 413, 422 -> Kind.INVALID_INPUT;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 408 -> Kind.TIMEOUT;
            case 409 -> Kind.UPSTREAM_UNAVAILABLE;
            // OpenAI's "insufficient_quota" comes as a 429 but waiting does not fix it
            case 429 -> code.equals("insufficient_quota") ? Kind.FORBIDDEN : Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.UPSTREAM_UNAVAILABLE : status >= 400 ? Kind.INVALID_INPUT : Kind.BAD_UPSTREAM_RESPONSE;
        };
        return new PonderException(kind, where + ": HTTP " + status + ": " + message,
                RetryAfter.of(headers, clock).orElse(null), null);
    }

    /**
     * A failure of the exchange itself (no status): a whole exchange that outran {@code requestTimeout} is TIMEOUT,
     * the rest by kind of failure (see {@link #ofTransport(Throwable, String, boolean)}).
     */
    public static PonderException ofExchange(Throwable t, String where, Duration requestTimeout) {
        if (t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) return timedOut(where, requestTimeout, t);
        return ofTransport(t, where, false);
    }

    public static PonderException ofTransport(Throwable t, String where, boolean outputDelivered) {
        String reason = reason(t);
        if (t instanceof HttpConnectTimeoutException) {
            return new PonderException(Kind.TIMEOUT, where + ": connect timed out: " + reason, null, t, outputDelivered);
        }
        if (t instanceof HttpTimeoutException) {
            return new PonderException(Kind.TIMEOUT, where + ": timed out: " + reason, null, t, outputDelivered);
        }
        if (t instanceof ConnectException) {
            // the JDK client's ConnectException carries no message down its whole chain
            String why = reason.equals(t.getClass().getSimpleName()) ? "connection refused or host unreachable" : reason;
            return new PonderException(Kind.UPSTREAM_UNAVAILABLE, where + ": cannot connect: " + why, null, t, outputDelivered);
        }
        if (t instanceof IOException) {
            return new PonderException(outputDelivered ? Kind.STREAM_BROKEN : Kind.UPSTREAM_UNAVAILABLE,
                    where + ": connection failed: " + reason, null, t, outputDelivered);
        }
        return new PonderException(Kind.INTERNAL, where + ": " + reason, null, t, outputDelivered);
    }

    /** The first message down the cause chain, else the exception's simple name. */
    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        }
        return t.getClass().getSimpleName();
    }

    /** No complete response within the request timeout. */
    public static PonderException timedOut(String where, Duration requestTimeout, Throwable cause) {
        return new PonderException(Kind.TIMEOUT, where + ": no complete response within " + requestTimeout, cause);
    }

    /** A response body that is not the JSON it should be: the parser's first line and the body's start. */
    public static PonderException malformed(byte[] body, String where, IOException e) {
        String text = new String(body, StandardCharsets.UTF_8);
        return new PonderException(Kind.BAD_UPSTREAM_RESPONSE, where + ": malformed JSON in the response ("
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): " + (text.length() > 200 ? text.substring(0, 200) + "..." : text), e);
    }

    /** The upstream's own words: {@code error.message}, {@code error} as text, {@code message}, {@code detail}, or the body. */
    public static String message(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null) {
                JsonNode e = n.path("error");
                if (e.path("message").isTextual()) return e.path("message").asText();
                if (e.isTextual()) return e.asText();
                if (n.path("message").isTextual()) return n.path("message").asText();
                if (n.path("detail").isTextual()) return n.path("detail").asText();
            }
        } catch (IOException ignored) {
            // not JSON: fall through to the raw text
        }
        if (text.isEmpty()) return "(empty body)";
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    private static String code(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null) return "";
            JsonNode e = n.path("error");
            return e.path("code").isTextual() ? e.path("code").asText() : e.path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
