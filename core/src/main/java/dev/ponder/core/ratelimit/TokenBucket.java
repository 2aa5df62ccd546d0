package dev.ponder.core.ratelimit;

import java.time.Duration;
import java.time.InstantSource;

/**
 * A token bucket for requests-per-minute or tokens-per-minute limits, the one rate limiter of the lab and the proxy:
 * holds at most {@code perMinute} tokens and refills at {@code perMinute} a minute. The lab's runner waits for it
 * ({@link #acquire}, sleeping through the injected {@link Sleeper}, so tests advance a fake clock instead of waiting);
 * the proxy, which must not wait, asks ({@link #tryAcquire}, {@link #waitFor}) and answers 429 with the wait, and
 * charges the tokens a request used once it is done ({@link #charge}). A request larger than the capacity is let
 * through once the bucket is full, so it cannot wait forever; what it takes beyond the bucket's content is a debt that
 * later callers wait for. Hand-written: the few lines did not justify a rate-limiting library (Bucket4j, Guava's
 * RateLimiter) in the dependency tree.
 */
public final class TokenBucket {
    private static final double NANOS_PER_MINUTE = 60e9;

    /** Waits for a duration (the real one sleeps; tests advance their clock). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        static Sleeper system() { return d -> Thread.sleep(d); }
    }

    private final long perMinute;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(long perMinute, InstantSource clock, Sleeper sleeper) {
        if (perMinute < 1) throw new IllegalArgumentException("rate must be >= 1 a minute, was " + perMinute);
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = perMinute;
        this.last = nanos();
    }

    /** A bucket that is only asked, never waited for (the proxy's). */
    public TokenBucket(long perMinute, InstantSource clock) { this(perMinute, clock, Sleeper.system()); }

    public long perMinute() { return perMinute; }

    /** Takes {@code n} tokens, waiting as long as the rate requires. */
    public void acquire(long n) throws InterruptedException {
        for (Duration wait = tryAcquire(n); !wait.isZero(); wait = tryAcquire(n)) sleeper.sleep(wait);
    }

    /**
     * Takes {@code n} tokens when the bucket holds them (all it can hold, for more than that) and returns zero;
     * otherwise takes none and returns how long until it will hold them.
     */
    public synchronized Duration tryAcquire(long n) {
        Duration wait = waitFor(n);
        if (wait.isZero()) tokens -= n;   // may go negative for an oversized request: later callers wait for the debt
        return wait;
    }

    /** Zero when the bucket holds {@code n} tokens (or is full, for more than it can hold), else how long until it will. */
    public synchronized Duration waitFor(long n) {
        refill();
        double need = Math.min(n, perMinute);
        if (tokens >= need) return Duration.ZERO;
        return Duration.ofNanos((long) Math.ceil((need - tokens) * NANOS_PER_MINUTE / perMinute));
    }

    /** Takes {@code n} tokens whatever the bucket holds: tokens counted after the fact, which may leave a debt. */
    public synchronized void charge(long n) {
        refill();
        tokens -= n;
    }

    /** Tokens available now (negative while in debt). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanos();
        // multiplied before divided, so a whole number of tokens' time refills exactly that many
        tokens = Math.min((double) perMinute, tokens + (now - last) * (double) perMinute / NANOS_PER_MINUTE);
        last = now;
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
