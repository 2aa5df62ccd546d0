package dev.ponder.server.chat;

import dev.ponder.core.ratelimit.TokenBucket;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.config.KeyConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each key's requests and tokens per minute, on the token bucket the lab's runner also paces its calls with. A request
 * is admitted when its key's request bucket has a token to take and its token bucket is not empty; the tokens a request
 * used are charged when it settles, so one large request can take the token bucket into debt, and the next ones wait
 * until it has refilled. A refusal is a 429 naming the limit and when to retry.
 */
final class RateLimits {
    private final InstantSource clock;
    private final Map<String, Buckets> byKey = new ConcurrentHashMap<>();

    RateLimits(InstantSource clock) { this.clock = clock; }

    /** Counts one request of the caller's key, or throws 429 naming the limit that was hit. */
    void admit(Caller caller) {
        Optional<Buckets> b = buckets(caller);
        if (b.isPresent()) b.get().admit(caller.id());
    }

    /** Charges the tokens a request used to its key's token rate. */
    void charge(Caller caller, long tokens) {
        Optional<Buckets> b = buckets(caller);
        if (b.isPresent() && b.get().tokens().isPresent()) b.get().tokens().get().charge(tokens);
    }

    private Optional<Buckets> buckets(Caller caller) {
        if (caller.key().isEmpty()) return Optional.empty();
        KeyConfig k = caller.key().get();
        if (k.requestsPerMinute().isEmpty() && k.tokensPerMinute().isEmpty()) return Optional.empty();
        return Optional.of(byKey.computeIfAbsent(caller.id(), id -> new Buckets(
                k.requestsPerMinute().isPresent() ? Optional.of(new TokenBucket(k.requestsPerMinute().getAsInt(), clock)) : Optional.empty(),
                k.tokensPerMinute().isPresent() ? Optional.of(new TokenBucket(k.tokensPerMinute().getAsLong(), clock)) : Optional.empty())));
    }

    private record Buckets(Optional<TokenBucket> requests, Optional<TokenBucket> tokens) {
        /**
         * Both limits checked and the request taken at once, so two requests cannot both take the last token; the token
         * limit first, whose message says how far over it the key is.
         */
        synchronized void admit(String key) {
            if (tokens.isPresent()) {
                Duration wait = tokens.get().waitFor(1);
                if (!wait.isZero()) {
                    long used = Math.round(tokens.get().perMinute() - tokens.get().available());
                    throw limited("key " + key + ": token rate limit of " + tokens.get().perMinute() + " per minute reached (" + used + " used)", wait);
                }
            }
            if (requests.isPresent()) {
                Duration wait = requests.get().waitFor(1);
                if (!wait.isZero()) throw limited("key " + key + ": request rate limit of " + requests.get().perMinute() + " per minute reached", wait);
            }
            requests.ifPresent(r -> r.tryAcquire(1));
        }

        private static ApiFailure limited(String what, Duration wait) {
            long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
            return ApiFailure.limited("rate_limit_exceeded", what + "; retry in " + seconds + " s", Duration.ofSeconds(seconds));
        }
    }
}
