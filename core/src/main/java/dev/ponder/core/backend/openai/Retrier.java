package dev.ponder.core.backend.openai;

import dev.ponder.core.error.PonderException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Repeats an attempt that failed retriably, waiting the server's Retry-After or an exponential backoff with full
 * jitter (a uniform wait in [0, min(cap, base * 2^retry)); AWS Architecture Blog, "Exponential Backoff and Jitter",
 * 2015). A Retry-After longer than the configured maximum is not waited out: the error goes to the caller, carrying it.
 */
final class Retrier {
    private final OpenAiConfig config;

    Retrier(OpenAiConfig config) { this.config = config; }

    <T> T run(Supplier<T> attempt, AtomicInteger retries) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (PonderException e) {
                Duration wait = waitAfter(e, retry);
                retries.incrementAndGet();
                sleep(wait);
            }
        }
    }

    /**
     * How long to wait before the next try after attempt {@code retry} (0 = the first) failed with {@code e}; throws
     * the error to give up with when it is not retriable, the retries are used up, or the server asks for too long.
     */
    Duration waitAfter(PonderException e, int retry) {
        if (!e.retriable()) throw e;
        if (retry >= config.maxRetries()) {
            throw again(e, e.getMessage() + " (gave up after " + (retry + 1) + " attempt" + (retry == 0 ? "" : "s") + ")");
        }
        Duration wait = e.retryAfter().orElseGet(() -> backoff(retry));
        if (wait.compareTo(config.maxRetryAfter()) > 0) {
            throw again(e, e.getMessage() + " (server asks to retry after " + wait.toSeconds()
                    + " s, more than the " + config.maxRetryAfter().toSeconds() + " s this backend waits)");
        }
        return wait;
    }

    Duration backoff(int retry) {
        double cap = Math.min(config.backoffCap().toNanos(), config.backoffBase().toNanos() * Math.pow(2, Math.min(retry, 62)));
        double u;
        synchronized (config.random()) {
            u = config.random().nextDouble();
        }
        return Duration.ofNanos((long) (u * cap));
    }

    private void sleep(Duration d) {
        try {
            config.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while waiting to retry", e);
        }
    }

    private static PonderException again(PonderException e, String message) {
        return new PonderException(e.kind(), message, e.retryAfter().orElse(null), e, e.outputDelivered());
    }
}
