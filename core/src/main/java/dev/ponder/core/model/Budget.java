package dev.ponder.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits on what one request may spend. Absent limits are unlimited. Checked before each backend call. Built from
 * {@link #UNLIMITED} or {@link #dollars} with the withers; every one goes through one constructor, which validates.
 */
public final class Budget {
    public static final Budget UNLIMITED = new Budget(Optional.empty(), Optional.empty(), Optional.empty());

    private final Optional<Double> maxDollars;
    private final Optional<Long> maxTokens;
    private final Optional<Duration> deadline;

    private Budget(Optional<Double> maxDollars, Optional<Long> maxTokens, Optional<Duration> deadline) {
        maxDollars.ifPresent(d -> {
            if (!(d >= 0)) throw new IllegalArgumentException("budget dollars must be >= 0, was " + d);
        });
        maxTokens.ifPresent(t -> {
            if (t < 0) throw new IllegalArgumentException("budget tokens must be >= 0, was " + t);
        });
        deadline.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("budget deadline must be > 0, was " + d);
        });
        this.maxDollars = maxDollars;
        this.maxTokens = maxTokens;
        this.deadline = deadline;
    }

    public static Budget dollars(double max) { return UNLIMITED.withDollars(max); }

    /** The most dollars, when limited. */
    public Optional<Double> maxDollars() { return maxDollars; }

    /** The most tokens (input and output), when limited. */
    public Optional<Long> maxTokens() { return maxTokens; }

    /** How long after the start drawing may go on, when limited. */
    public Optional<Duration> deadline() { return deadline; }

    public Budget withDollars(double max) { return new Budget(Optional.of(max), maxTokens, deadline); }

    public Budget withTokens(long max) { return new Budget(maxDollars, Optional.of(max), deadline); }

    public Budget withDeadline(Duration d) { return new Budget(maxDollars, maxTokens, Optional.of(Objects.requireNonNull(d, "deadline"))); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Budget b && maxDollars.equals(b.maxDollars) && maxTokens.equals(b.maxTokens) && deadline.equals(b.deadline);
    }

    @Override
    public int hashCode() { return Objects.hash(maxDollars, maxTokens, deadline); }

    @Override
    public String toString() {
        return "Budget[maxDollars=" + maxDollars + ", maxTokens=" + maxTokens + ", deadline=" + deadline + "]";
    }
}
