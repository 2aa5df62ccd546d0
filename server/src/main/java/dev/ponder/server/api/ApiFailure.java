package dev.ponder.server.api;

import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.util.Optional;

/**
 * A request the proxy refuses, with the request field at fault ({@code param}, OpenAI's name for it) and, for the
 * few statuses no {@link PonderException.Kind} carries (413, 405), an explicit status. Everything else the server
 * throws is a {@link PonderException}; {@link ApiError#of} maps both in one place.
 */
public final class ApiFailure extends RuntimeException {
    private final PonderException.Kind kind;
    private final Optional<String> param;
    private final Optional<Integer> status;
    private final Optional<String> code;
    private final Optional<Duration> retryAfter;

    private ApiFailure(PonderException.Kind kind, String message, Optional<String> param, Optional<Integer> status,
                       Optional<String> code, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.param = param;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** A bad value in a request field: 400, naming the field. */
    public static ApiFailure field(String param, String message) {
        return new ApiFailure(PonderException.Kind.INVALID_INPUT, message, Optional.of(param), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A failure of the given kind, with a machine-readable code (e.g. {@code budget_exceeded}). */
    public static ApiFailure of(PonderException.Kind kind, String code, String message) {
        return new ApiFailure(kind, message, Optional.empty(), Optional.empty(), Optional.of(code), Optional.empty());
    }

    /** A rate limit reached: 429 with {@code code}, and a {@code Retry-After} header saying when to come back. */
    public static ApiFailure limited(String code, String message, Duration retryAfter) {
        return new ApiFailure(PonderException.Kind.RATE_LIMITED, message, Optional.empty(), Optional.empty(), Optional.of(code), Optional.of(retryAfter));
    }

    public static ApiFailure status(int status, String code, String message) {
        return new ApiFailure(PonderException.Kind.INVALID_INPUT, message, Optional.empty(), Optional.of(status), Optional.of(code), Optional.empty());
    }

    public ApiFailure withParam(String p) { return new ApiFailure(kind, getMessage(), Optional.of(p), status, code, retryAfter); }

    public PonderException.Kind kind() { return kind; }

    public Optional<String> param() { return param; }

    /** How long the client should wait before it asks again, when the refusal is a rate limit. */
    public Optional<Duration> retryAfter() { return retryAfter; }

    public Optional<Integer> status() { return status; }

    public Optional<String> code() { return code; }
}
