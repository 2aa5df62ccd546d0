package dev.ponder.server.chat;

import dev.ponder.server.api.ApiError;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.ledger.Entry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one ending of every request, whichever way it ran: its tokens charged to the key's rate, the observers told
 * (metrics, the trace ring), the ledger line written (releasing the hold); then the answer; then the request counted
 * with its status and time to the last byte. The trace is kept before the answer goes out, so the trace id a client
 * reads can be looked up at once. An event loop never waits on the ledger: a line that would touch disk or network is
 * written by the settler's own virtual thread, and one that fails there is logged.
 */
final class Settlement implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Settlement.class.getName());
    private final Spending spending;
    private final RateLimits limits;
    private final RequestObserver[] observers; // an array: iterating it per request allocates nothing
    private final InstantSource clock;
    private final ExecutorService settler = Executors.newVirtualThreadPerTaskExecutor();

    Settlement(Spending spending, RateLimits limits, List<RequestObserver> observers, InstantSource clock) {
        this.spending = spending;
        this.limits = limits;
        this.observers = observers.toArray(RequestObserver[]::new);
        this.clock = clock;
    }

    /**
     * Accounts {@code s}, then answers: with {@code answer} after a run that succeeded, else with its failure (or the
     * accounting's, or the answer's own: a stream whose client left); then counts the request and frees its reply.
     */
    void conclude(Decision.Admitted d, Settled s, Optional<ApiError> failed, Reply reply, Consumer<Reply> answer) {
        Optional<ApiError> failure = failed;
        try {
            settle(d, s);
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
        }
        try {
            if (failure.isPresent()) reply.fail(failure.get());
            else answer.accept(reply);
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
            reply.fail(failure.get());
        } finally {
            answered(s.target().strategy().name(), s.caller().id(), failure.map(ApiError::status).orElse(s.status()), d.arrival().startedNanos());
            reply.release();
        }
    }

    /** A request refused before it held anything: answered, counted, its reply freed. */
    void refuse(Decision.Refused r, Reply reply) {
        try {
            reply.fail(r.error());
        } finally {
            answered(r.strategy(), r.arrival().caller().id(), r.error().status(), r.arrival().startedNanos());
            reply.release();
        }
    }

    /** The count and latency of a request that was answered (refused ones included). */
    void answered(String strategy, String key, int status, long startedNanos) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
        for (RequestObserver o : observers) o.answered(strategy, key, status, latency);
    }

    private void settle(Decision.Admitted d, Settled s) {
        limits.charge(s.caller(), s.used().totalTokens());
        for (RequestObserver o : observers) o.settled(s);
        Entry line = new Entry(clock.instant(), s.caller().id(), s.traceId(), s.target().model().id(), s.target().strategy().name(),
                s.used().inputTokens(), s.used().outputTokens(), s.used().dollars(), s.status());
        if (spending.ledger().settlesInMemory() || Thread.currentThread().isVirtual()) {
            spending.settle(d.held(), line);
        } else {
            settler.execute(() -> book(d, line));
        }
    }

    private void book(Decision.Admitted d, Entry line) {
        try {
            spending.settle(d.held(), line);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ledger: the line of request " + line.request() + " (key " + line.key() + ", $" + line.dollars()
                    + ") could not be written", e);
        }
    }

    /** Waits (a while) for ledger lines still being written. */
    @Override
    public void close() {
        settler.shutdown();
        awaitEnd(settler, "ledger lines still being written");
    }

    /** Waits up to 30 s for a shut down pool's last tasks, then logs what it gave up on. */
    static void awaitEnd(ExecutorService pool, String what) {
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) LOG.log(System.Logger.Level.ERROR, what + " after 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
