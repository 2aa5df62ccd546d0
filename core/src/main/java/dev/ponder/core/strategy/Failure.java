package dev.ponder.core.strategy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a session stopped short: the kind of error (a backend failure's own kind; {@code BUDGET_EXCEEDED} for the budget
 * or deadline, {@code SAMPLES_EXHAUSTED} for a replay bank) and its message. Written {@code KIND: message}, which
 * {@link #parse} reads back (the lab stores it that way). A rate-limited backend's wait ({@code retryAfter}) is kept
 * so that the proxy can pass it on to its client; it is not written.
 */
public record Failure(PonderException.Kind kind, String message, @JsonIgnore Optional<Duration> retryAfter) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Failure(PonderException.Kind kind, String message) { this(kind, message, Optional.empty()); }

    public static Failure of(PonderException e) { return new Failure(e.kind(), String.valueOf(e.getMessage()), e.retryAfter()); }

    /** {@code KIND: message}. */
    public String written() { return kind + ": " + message; }

    /** Reads {@link #written()} back; a text without a known kind is an {@code UPSTREAM_UNAVAILABLE} failure with that message. */
    public static Optional<Failure> parse(String written) {
        if (written == null || written.isBlank()) return Optional.empty();
        int colon = written.indexOf(": ");
        if (colon > 0) {
            try {
                return Optional.of(new Failure(PonderException.Kind.valueOf(written.substring(0, colon)), written.substring(colon + 2)));
            } catch (IllegalArgumentException notAKind) {
                // an older store wrote the bare message
            }
        }
        return Optional.of(new Failure(PonderException.Kind.UPSTREAM_UNAVAILABLE, written));
    }
}
