package dev.ponder.server.budget;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.config.KeyConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Requests and tokens per minute per key, counted in fixed one-minute windows (simple and exact at the window's
 * scale; a library such as Bucket4j would give smoother token buckets). A request is admitted when the key's window
 * has room for one more request and its token count is still under the limit; tokens are added when a request
 * settles, so one large request can pass the token limit, and the next ones wait for the window to turn.
 */
public final class RateLimiter {
    private static final long WINDOW_MS = Duration.ofMinutes(1).toMillis();
    private final InstantSource clock;
    private final Map<String, long[]> windows = new HashMap<>();

    public RateLimiter(InstantSource clock) { this.clock = clock; }

    /** Counts one request, or throws 429 naming the limit that was hit. */
    public synchronized void admit(Caller caller) {
        if (caller.key().isEmpty()) return;
        KeyConfig k = caller.key().get();
        long[] w = window(caller.id());
        long retry = Math.max(1, (w[0] + WINDOW_MS - clock.millis() + 999) / 1000);
        if (k.requestsPerMinute().isPresent() && w[1] >= k.requestsPerMinute().getAsInt()) {
            throw ApiFailure.of(PonderException.Kind.RATE_LIMITED, "rate_limit_exceeded", "key " + caller.id() + ": request rate limit of "
                    + k.requestsPerMinute().getAsInt() + " per minute reached; retry in " + retry + " s");
        }
        if (k.tokensPerMinute().isPresent() && w[2] >= k.tokensPerMinute().getAsLong()) {
            throw ApiFailure.of(PonderException.Kind.RATE_LIMITED, "rate_limit_exceeded", "key " + caller.id() + ": token rate limit of "
                    + k.tokensPerMinute().getAsLong() + " per minute reached (" + w[2] + " used); retry in " + retry + " s");
        }
        w[1]++;
    }

    public synchronized void addTokens(Caller caller, long tokens) {
        if (caller.key().isEmpty()) return;
        window(caller.id())[2] += tokens;
    }

    /** {start millis, requests, tokens} of the key's current window. */
    private long[] window(String key) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, WINDOW_MS);
        long[] w = windows.computeIfAbsent(key, k -> new long[] {start, 0, 0});
        if (w[0] != start) {
            w[0] = start;
            w[1] = 0;
            w[2] = 0;
        }
        return w;
    }
}
