package dev.ponder.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as OpenAI sends it: {@code {"error": {"message", "type", "param", "code"}}} with an HTTP status.
 * {@link #of} is the one place where exceptions become statuses: bad input is always a 4xx; only the proxy's own
 * faults and upstream failures are 5xx. An upstream that refuses the proxy's credentials (401, 403, or a quota it has
 * run out of) is a 502 {@code upstream_error} naming the upstream: the client's own key is fine, and
 * {@code invalid_api_key} is kept for the proxy's own keys ({@link ApiFailure}s). An upstream's 429 (after retries and
 * fallback) stays a 429, coded {@code upstream_rate_limited} so it is not mistaken for the key's own rate limit. A 429
 * carries how long to wait ({@code retryAfter}: the key's limit's refill, or the upstream's own Retry-After), which the
 * front sends as {@code Retry-After} and {@code retry-after-ms} headers, the ones OpenAI's and Anthropic's SDKs read.
 */
public record ApiError(int status, String type, String message, Optional<String> param, Optional<String> code, Optional<Duration> retryAfter) {

    public ApiError(int status, String type, String message, Optional<String> param, Optional<String> code) {
        this(status, type, message, param, code, Optional.empty());
    }

    public static ApiError of(Throwable t) {
        return switch (t) {
            case ApiFailure f -> {
                int status = f.status().orElse(f.kind().httpStatus());
                yield new ApiError(status, type(status, f.kind()), f.getMessage(), f.param(), f.code().or(() -> Optional.of(code(f.kind()))), f.retryAfter());
            }
            case PonderException p when p.kind() == PonderException.Kind.UNAUTHORIZED || p.kind() == PonderException.Kind.FORBIDDEN ->
                    new ApiError(502, "server_error", "an upstream refused the proxy's own credentials (this is not about your key; the"
                            + " operator must fix the upstream's key or quota): " + p.getMessage(), Optional.empty(), Optional.of("upstream_error"));
            case PonderException p when p.kind() == PonderException.Kind.RATE_LIMITED ->
                    new ApiError(429, "rate_limit_error", "the upstream is rate-limiting the proxy (not your key's limit)"
                            + p.retryAfter().map(d -> "; it asked for a retry in " + Math.max(1, d.toSeconds()) + " s").orElse("") + ": "
                            + p.getMessage(), Optional.empty(), Optional.of("upstream_rate_limited"), p.retryAfter());
            case PonderException p -> new ApiError(p.kind().httpStatus(), type(p.kind().httpStatus(), p.kind()), p.getMessage(),
                    Optional.empty(), Optional.of(code(p.kind())));
            default -> new ApiError(500, "server_error", "internal error: " + t, Optional.empty(), Optional.of("internal_error"));
        };
    }

    private static String type(int status, PonderException.Kind kind) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> kind == PonderException.Kind.BUDGET_EXCEEDED ? "insufficient_quota" : "rate_limit_error";
            default -> status < 500 ? "invalid_request_error" : "server_error";
        };
    }

    private static String code(PonderException.Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> "rate_limit_exceeded";
            case UPSTREAM_UNAVAILABLE -> "upstream_unavailable";
            case TIMEOUT -> "upstream_timeout";
            case STREAM_BROKEN -> "stream_broken";
            case BAD_UPSTREAM_RESPONSE -> "bad_upstream_response";
            case INVALID_INPUT -> "invalid_request";
            case UNAUTHORIZED -> "invalid_api_key";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case BUDGET_EXCEEDED -> "budget_exceeded";
            case SAMPLES_EXHAUSTED -> "samples_exhausted";
            case INTERNAL -> "internal_error";
        };
    }

    /** The response headers that go with the error: {@code Retry-After} (whole seconds, rounded up) and {@code retry-after-ms}. */
    public String[] headers() {
        if (retryAfter.isEmpty()) return new String[0];
        long ms = Math.max(1, retryAfter.get().toMillis());
        return new String[] {"retry-after", String.valueOf((ms + 999) / 1000), "retry-after-ms", String.valueOf(ms)};
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param.isPresent()) e.put("param", param.get()); else e.putNull("param");
        if (code.isPresent()) e.put("code", code.get()); else e.putNull("code");
        return root;
    }
}
