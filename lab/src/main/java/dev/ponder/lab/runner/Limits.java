package dev.ponder.lab.runner;

import dev.ponder.core.ratelimit.TokenBucket;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** One backend's limits, shared by every call to it: calls in flight, requests a minute, tokens a minute. */
record Limits(Semaphore inFlight, Optional<TokenBucket> requests, Optional<TokenBucket> tokens) {
    public static Limits of(int concurrency, Optional<Integer> rpm, Optional<Long> tpm, InstantSource clock, TokenBucket.Sleeper sleeper) {
        return new Limits(new Semaphore(concurrency, true), rpm.map(r -> new TokenBucket(r, clock, sleeper)),
                tpm.map(t -> new TokenBucket(t, clock, sleeper)));
    }
}
