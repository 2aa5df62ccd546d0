package dev.ponder.server.chat;

import dev.ponder.core.model.Usage;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.check.Checkers;
import dev.ponder.server.trace.TraceStore;
import dev.ponder.server.upstream.HttpTransport;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * A chat completion from the moment it is read to its last byte, whatever dialect it came in: {@link Admission}
 * (resolve, limit, reserve: a {@link Decision}), execution (a body relayed as written on the event loop, a stream
 * passed through, or the strategy engine on a virtual thread) and {@link Settlement} (ledger, trace, metrics, the
 * {@link RequestObserver}s), the last the same for every way a request runs. Nothing here blocks an event loop:
 * admission that could (the router, a ledger on disk) and every run that may wait on an upstream go to a virtual thread.
 */
public final class ChatPipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChatPipeline.class.getName());
    private final Admission admission;
    private final Settlement settlement;
    private final Relaying relaying;
    private final StreamRelaying streams;
    private final Forwarding forwarding;
    private final LiveTuning tuning;
    private final RequestObserver[] observers;
    private final Ids ids;
    private final Checkers checkers;
    private final InstantSource clock;
    private final ExecutorService blocking;

    /** {@code observers} see every request's end after the proxy's own (the trace ring); time and randomness are injected. */
    public ChatPipeline(Catalog catalog, Spending spending, TraceStore traces, List<RequestObserver> observers, InstantSource clock,
                        RandomGenerator random) {
        this(catalog, spending, traces, observers, ChatOptions.defaults(), clock, random);
    }

    /** As above, with what is checked before a request spends and what follows an answer ({@code options}). */
    public ChatPipeline(Catalog catalog, Spending spending, TraceStore traces, List<RequestObserver> observers, ChatOptions options,
                        InstantSource clock, RandomGenerator random) {
        this(catalog, spending, traces, observers, options, clock, random, Telemetry.off());
    }

    /**
     * With {@code telemetry} on, the threads a request moves to carry its context (its span, made where it arrived), so
     * the strategy engine's steps and calls are the span's children; off, they are plain virtual threads.
     */
    public ChatPipeline(Catalog catalog, Spending spending, TraceStore traces, List<RequestObserver> observers, ChatOptions options,
                        InstantSource clock, RandomGenerator random, Telemetry telemetry) {
        this.blocking = telemetry.wrap(Executors.newVirtualThreadPerTaskExecutor());
        RateLimits limits = new RateLimits(clock);
        List<RequestObserver> all = new ArrayList<>();
        all.add(new TraceKeeping(traces));
        all.addAll(observers);
        this.admission = new Admission(catalog, limits, spending, options);
        this.settlement = new Settlement(spending, limits, all, clock);
        this.relaying = new Relaying(settlement, clock);
        this.streams = new StreamRelaying(settlement, clock);
        this.forwarding = new Forwarding(settlement, clock);
        this.tuning = options.tuning();
        this.checkers = options.checkers();
        this.observers = all.toArray(RequestObserver[]::new);
        this.ids = new Ids(clock, random);
        this.clock = clock;
    }

    /**
     * Serves a request read (and its caller authenticated) on an event loop; {@code reply} writes its answer, and a body
     * relayed as written goes out on {@code transport}, the loop's. Returns at once: every path ends by answering on
     * {@code reply} and releasing it.
     */
    public void submit(Caller caller, ChatRequest request, Reply given, HttpTransport transport) {
        Arrival a = new Arrival(caller, request, ids.traceId(), System.nanoTime());
        Reply watched = given;
        for (RequestObserver o : observers) watched = o.reply(a.traceId(), caller, request, watched);
        Reply reply = watched;
        reply.trace(a.traceId());
        if (admission.mayBlock(request)) blocking.execute(() -> admit(a, reply, transport, true));
        else admit(a, reply, transport, false);
    }

    /** A request refused before the pipeline could read it (method, key, body): counted under strategy {@code none}. */
    public void refused(String key, int status, long startedNanos) { settlement.answered("none", key, status, startedNanos); }

    /** Admits and runs the request; {@code mayBlock} says whether this thread may block (else it is an event loop). */
    private void admit(Arrival a, Reply reply, HttpTransport transport, boolean mayBlock) {
        try {
            run(admission.admit(a), reply, transport, mayBlock);
        } catch (RuntimeException e) {
            unexpected(reply, e);
        }
    }

    private void run(Decision d, Reply reply, HttpTransport transport, boolean mayBlock) {
        switch (d) {
            case Decision.Refused r when r.reserved().isPresent() -> {
                Decision.Admitted held = r.reserved().get();
                settlement.conclude(held, Settled.of(held, Usage.ZERO, r.error().status(), List.of(), 0, clock),
                        Optional.of(r.error()), reply, out -> { });
            }
            case Decision.Refused r -> settlement.refuse(r, reply);
            case Decision.Relay r -> relaying.start(r, reply, transport);
            case Decision.StreamRelay s -> onThread(mayBlock, reply, () -> streams.run(s, reply));
            case Decision.Forward f -> onThread(mayBlock, reply, () -> forwarding.run(f, reply));
            case Decision.Engine e -> onThread(mayBlock, reply, () -> engine(e, reply));
        }
    }

    private void engine(Decision.Engine d, Reply reply) {
        long seed = d.arrival().request().seed().orElseGet(ids::seed);
        EngineRun run = new EngineRun(d, reply, clock, seed, checkers::create, tuning);
        Outcome out = null;
        Optional<ApiError> failure = Optional.empty();
        try {
            out = run.run();
        } catch (RuntimeException e) {
            failure = Optional.of(ApiError.of(e));
        }
        Outcome done = out;
        int status = failure.map(ApiError::status).orElse(200);
        Settled s = Settled.of(d, run.used(), status, run.runs(), clock);
        settlement.conclude(d, s, failure, reply, r -> r.finish(done, run.live()));
        try {
            tuning.answered(new LiveTuning.Done(d.arrival().caller(), d.arrival().traceId(), d.target(), d.ask(), run.runs(), seed, status));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "what follows request " + d.arrival().traceId() + " failed to start", e);
        }
    }

    private void onThread(boolean here, Reply reply, Runnable work) {
        if (here) {
            work.run();
            return;
        }
        blocking.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                unexpected(reply, e);
            }
        });
    }

    /** Every path answers for itself; whatever escapes one (a fault of the proxy's) is logged, and answered when it still can be. */
    private static void unexpected(Reply reply, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "a request failed outside its own handling", e);
        try {
            reply.fail(ApiError.of(e));
        } finally {
            reply.release();
        }
    }

    /** Stops the runs in flight (interrupting their waits on upstreams), then waits for ledger lines being written. */
    @Override
    public void close() {
        blocking.shutdownNow();
        Settlement.awaitEnd(blocking, "requests still running");
        settlement.close();
    }
}
