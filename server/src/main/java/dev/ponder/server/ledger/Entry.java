package dev.ponder.server.ledger;

import java.time.Instant;
import java.util.Objects;

/** One request's spend, as booked: who, what, and every internal call's tokens and dollars summed. */
public record Entry(Instant at, String key, String request, String model, String strategy, long inputTokens,
                    long outputTokens, double dollars, int status) {
    public Entry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(strategy, "strategy");
        if (!(dollars >= 0)) throw new IllegalArgumentException("dollars must be >= 0, was " + dollars);
    }
}
