package dev.ponder.lab.runner;

import java.time.Duration;
import java.time.InstantSource;

/**
 * A token bucket for requests-per-minute or tokens-per-minute limits: holds at most {@code capacity} tokens and
 * refills at {@code perMinute} a minute. {@link #acquire} takes tokens, sleeping (through the injected
 * {@link Sleeper}, so tests advance a fake clock instead of waiting) until enough have refilled. A request larger
 * than the capacity is let through once the bucket is full, so it cannot wait forever. Hand-written: the few
 * lines did not justify a rate-limiting library (Bucket4j, Guava's RateLimiter) in the dependency tree.
 */
public final class TokenBucket {
    /** Waits for a duration (the real one sleeps; tests advance their clock). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        static Sleeper system() { return d -> Thread.sleep(d); }
    }

    private final double capacity;
    private final double perNano;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(long perMinute, InstantSource clock, Sleeper sleeper) {
        if (perMinute < 1) throw new IllegalArgumentException("rate must be >= 1 a minute, was " + perMinute);
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = perMinute;
        this.last = nanos();
    }

    /** Takes {@code n} tokens, waiting as long as the rate requires. */
    public void acquire(long n) throws InterruptedException {
        double need = Math.min(n, capacity);
        while (true) {
            Duration wait;
            synchronized (this) {
                refill();
                if (tokens >= need) {
                    tokens -= n;   // may go negative for an oversized request: later callers wait for the debt
                    return;
                }
                wait = Duration.ofNanos((long) Math.ceil((need - tokens) / perNano));
            }
            sleeper.sleep(wait);
        }
    }

    /** Tokens available now (for tests and progress). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanos();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
