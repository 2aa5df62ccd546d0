package dev.ponder.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits on what one request may spend. Absent limits are unlimited. Checked before each backend call.
 */
public record Budget(Optional<Double> maxDollars, Optional<Long> maxTokens, Optional<Duration> deadline) {
    public static final Budget UNLIMITED = new Budget(Optional.empty(), Optional.empty(), Optional.empty());

    public Budget {
        maxDollars.ifPresent(d -> {
            if (!(d >= 0)) throw new IllegalArgumentException("budget dollars must be >= 0, was " + d);
        });
        maxTokens.ifPresent(t -> {
            if (t < 0) throw new IllegalArgumentException("budget tokens must be >= 0, was " + t);
        });
        deadline.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("budget deadline must be > 0, was " + d);
        });
    }

    public static Budget dollars(double max) { return UNLIMITED.withDollars(max); }

    public Budget withDollars(double max) { return new Budget(Optional.of(max), maxTokens, deadline); }

    public Budget withTokens(long max) { return new Budget(maxDollars, Optional.of(max), deadline); }

    public Budget withDeadline(Duration d) { return new Budget(maxDollars, maxTokens, Optional.of(d)); }
}
