package dev.ponder.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The one exception Ponder throws. Its {@link Kind} says what went wrong and whether retrying can help;
 * the proxy maps kinds to HTTP statuses in one place.
 */
public final class PonderException extends RuntimeException {

    /** What went wrong. Closed set; {@link #retriable()} is derived from it. */
    public enum Kind {
        RATE_LIMITED(true, 429),
        UPSTREAM_UNAVAILABLE(true, 502),
        TIMEOUT(true, 504),
        STREAM_BROKEN(true, 502),
        BAD_UPSTREAM_RESPONSE(false, 502),
        INVALID_INPUT(false, 400),
        UNAUTHORIZED(false, 401),
        FORBIDDEN(false, 403),
        NOT_FOUND(false, 404),
        BUDGET_EXCEEDED(false, 429),
        SAMPLES_EXHAUSTED(false, 409),
        INTERNAL(false, 500);

        private final boolean retriable;
        private final int httpStatus;

        Kind(boolean retriable, int httpStatus) {
            this.retriable = retriable;
            this.httpStatus = httpStatus;
        }

        public boolean retriable() { return retriable; }

        public int httpStatus() { return httpStatus; }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final boolean outputDelivered;
    private final int attempts;

    public PonderException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public PonderException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public PonderException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        this(kind, message, retryAfter, cause, false);
    }

    /**
     * {@code outputDelivered}: part of the output already reached the caller (a stream cut after its first token),
     * so repeating the call would deliver it twice; such a failure is not {@link #retriable()}.
     */
    public PonderException(Kind kind, String message, Duration retryAfter, Throwable cause, boolean outputDelivered) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.outputDelivered = outputDelivered;
        this.attempts = 1;
    }

    private PonderException(PonderException e, int attempts) {
        super(e.getMessage(), e.getCause());
        this.kind = e.kind;
        this.retryAfter = e.retryAfter;
        this.outputDelivered = e.outputDelivered;
        this.attempts = attempts;
        setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) addSuppressed(s);
    }

    public static PonderException invalid(String format, Object... args) {
        return new PonderException(Kind.INVALID_INPUT, String.format(format, args));
    }

    public Kind kind() { return kind; }

    public boolean retriable() { return kind.retriable() && !outputDelivered; }

    /** Whether some output (a streamed token) reached the caller before the failure. */
    public boolean outputDelivered() { return outputDelivered; }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    /** The tries made before giving up (1 + retries; all of a pool's upstreams' tries), for the trace. */
    public int attempts() { return attempts; }

    /** The same failure, counted as {@code n} tries. */
    public PonderException withAttempts(int n) {
        if (n < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + n);
        return n == attempts ? this : new PonderException(this, n);
    }
}
