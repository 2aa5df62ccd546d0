package dev.ponder.server.chat;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.budget.RateLimiter;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.ledger.Entry;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.trace.TraceJson;
import dev.ponder.server.trace.TraceStore;
import dev.ponder.server.upstream.HttpTransport;
import dev.ponder.server.upstream.Relayed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * One chat completion from start to end: resolve the model and strategy, check the key's access and rate limits,
 * reserve the worst-case cost against the key's budget, run the strategy (n independent runs, or one run drawing n
 * samples for {@code single}) under a cap equal to the reservation, then settle the real cost of every internal call
 * in the ledger, record metrics and keep the trace.
 */
public final class ChatService implements AutoCloseable {
    private final Catalog catalog;
    private final RateLimiter limiter;
    private final Spending spending;
    private final ProxyMetrics metrics;
    private final TraceStore traces;
    private final InstantSource clock;
    private final RandomGenerator random;
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();
    // ledger writes after a non-blocking relay (a file append): off the event loop, on their own virtual threads
    private final java.util.concurrent.ExecutorService settler = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    public ChatService(Catalog catalog, RateLimiter limiter, Spending spending, ProxyMetrics metrics, TraceStore traces,
                       InstantSource clock, RandomGenerator random) {
        this.catalog = catalog;
        this.limiter = limiter;
        this.spending = spending;
        this.metrics = metrics;
        this.traces = traces;
        this.clock = clock;
        this.random = random;
    }

    /** Serves one request on a thread that may block; a relayed body goes out on {@code transport}. */
    public void complete(Caller caller, ChatRequest req, Reply reply, HttpTransport transport) {
        long started = System.nanoTime();
        String traceId = nextId();
        reply.trace(traceId);
        String strategyTag = "unknown";
        int status = 200;
        try {
            Catalog.Target t = catalog.resolve(req);
            strategyTag = t.strategy().name();
            for (String id : t.model().baseIds()) caller.mayUse(id);
            limiter.admit(caller);
            Execution ex = new Execution(caller, req, t, traceId, reply, transport);
            Optional<Outcome> out = ex.run(started);
            out.ifPresent(o -> reply.finish(o, ex.live));
            // a relayed answer goes out only now, after run() kept the trace: its id can be looked up at once
            if (ex.relayedAnswer != null) reply.passthroughBody(ex.relayedAnswer);
        } catch (RuntimeException e) {
            ApiError err = ApiError.of(e);
            status = err.status();
            reply.fail(err);
        } finally {
            metrics.request(strategyTag, caller.id(), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Whether the body goes upstream as written: it must (tools and the like), or it can, being a non-streamed
     * one-choice {@code single} request on an upstream model (a streamed one stays with the engine, which relays
     * tokens live; n > 1 too, which the engine completes from parallel calls when a server ignores n).
     */
    private static boolean relayed(ChatRequest req, Catalog.Target target) {
        return req.passthrough().isPresent() || (target.strategy().name().equals("single") && target.model() instanceof UpstreamModel
                && !req.stream() && req.n() == 1);
    }

    /** Waits for ledger writes still under way. */
    @Override
    public void close() { settler.close(); }

    /** After a request, whatever became of it: the ledger, the key's token rate, metrics and the trace. */
    private void account(Caller caller, ChatRequest req, Catalog.Target target, String traceId, Spending.Reservation res, Usage used,
                         int status, List<TraceJson.Run> runs, long startedNanos) {
        settle(caller, target, traceId, res, used, status);
        recorded(caller, req, target, traceId, used, status, runs, startedNanos);
    }

    /**
     * {@link #account} from a thread that must not block: the trace, metrics and token count at once, the ledger line
     * at once when the ledger keeps it in memory, else on the settler's thread.
     */
    private void accountWithoutBlocking(Caller caller, ChatRequest req, Catalog.Target target, String traceId, Spending.Reservation res,
                                        Usage used, int status, List<TraceJson.Run> runs, long startedNanos) {
        recorded(caller, req, target, traceId, used, status, runs, startedNanos);
        if (spending.ledger().settlesInMemory()) settle(caller, target, traceId, res, used, status);
        else settler.execute(() -> settle(caller, target, traceId, res, used, status));
    }

    /** A passed-through request cannot stop early, so the key's budget must cover its whole worst case. */
    private static void requireWholeWorstCase(Spending.Reservation res, Usage worst) {
        if (res.cap().isPresent() && res.cap().get() + 1e-12 < worst.dollars()) {
            throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, String.format("a passed-through request cannot stop"
                    + " early, so it needs its whole worst case of $%.6f; the key's budget has $%.6f left", worst.dollars(), res.cap().get()));
        }
    }

    /** The request's line in the ledger (which may block: a file, a database), releasing its hold. */
    private void settle(Caller caller, Catalog.Target target, String traceId, Spending.Reservation res, Usage used, int status) {
        spending.settle(res, new Entry(clock.instant(), caller.id(), traceId, target.model().id(), target.strategy().name(),
                used.inputTokens(), used.outputTokens(), used.dollars(), status));
    }

    /** The rest of {@link #account}, all in memory: the key's token rate, metrics and the trace. */
    private void recorded(Caller caller, ChatRequest req, Catalog.Target target, String traceId, Usage used, int status,
                          List<TraceJson.Run> runs, long startedNanos) {
        limiter.addTokens(caller, used.totalTokens());
        metrics.usage(target.strategy().name(), caller.id(), used.inputTokens(), used.outputTokens(), used.dollars());
        long elapsed = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        long created = clock.instant().getEpochSecond();
        // the ring holds the last requests' traces: it keeps only what a trace is built from, not the request (its
        // parsed body would stay reachable, and every young collection would copy a thousand of them)
        String model = req.model();
        String strategy = target.strategy().name();
        String owner = caller.id();
        Optional<dev.ponder.server.route.Routed> route = target.route();
        traces.put(traceId, caller, () -> {
            var trace = TraceJson.of(traceId, model, strategy, owner, created, elapsed, status, runs);
            route.ifPresent(r -> trace.set("route", dev.ponder.server.api.Completions.route(r)));
            return trace;
        });
    }

    /**
     * Completes the request without blocking, when it can be: a non-streamed one-choice {@code single} request (or a
     * non-streamed tool call) to an upstream model, on a ledger that holds budgets in memory, relayed on
     * {@code transport} with retry waits on its timer; the reply is sent from the transport's thread. Returns false,
     * having done nothing, for every other request ({@code auto}, whose router computes embeddings, included): those
     * go to {@link #complete} on a thread that may block.
     */
    public boolean completeWithoutBlocking(Caller caller, ChatRequest req, Reply reply, HttpTransport transport) {
        if (req.stream() || req.model().equals(dev.ponder.server.route.AutoRoute.MODEL) || !spending.ledger().holdsInMemory()) return false;
        Catalog.Target target;
        try {
            target = catalog.resolve(req);
        } catch (RuntimeException e) {
            return false; // the blocking path reports it, with the metrics
        }
        // relayed() with single on an upstream model: a tool call passed through under another strategy is not relayed here
        if (!relayed(req, target) || !(target.model() instanceof UpstreamModel model) || !target.strategy().name().equals("single")) return false;
        long started = System.nanoTime();
        String traceId = nextId();
        reply.trace(traceId);
        Spending.Reservation res = null;
        try {
            caller.mayUse(model.id());
            limiter.admit(caller);
            ServedModel.Ask ask = model.ask(req, traceId);
            Usage worst = model.worstCase(ask, req.n(), 1);
            res = spending.reserve(caller, worst, req.n() == 1 ? worst : model.worstCase(ask, 1, 1));
            requireWholeWorstCase(res, worst);
        } catch (RuntimeException e) {
            ApiError err = ApiError.of(e);
            if (res != null) {
                accountWithoutBlocking(caller, req, target, traceId, res, Usage.ZERO, err.status(), List.of(), started);
            }
            reply.fail(err);
            metrics.request("single", caller.id(), err.status(), Duration.ofNanos(System.nanoTime() - started));
            return true;
        }
        Trace trace = new Trace(traceId + "/0");
        List<TraceJson.Run> runs = List.of(new TraceJson.Run(trace, List.of(), "", "DONE", Optional.empty()));
        java.time.Instant callStarted = clock.instant();
        Spending.Reservation held = res;
        java.util.concurrent.CompletableFuture<Relayed> relay;
        try {
            relay = model.pool().relayAsync(model.id(), req.body(), Passthrough.promptChars(req), transport);
        } catch (RuntimeException e) {
            relay = java.util.concurrent.CompletableFuture.failedFuture(e); // answered and settled below like any failure
        }
        relay.whenComplete((r, err) -> {
            int status = 200;
            Usage used = Usage.ZERO;
            byte[] answer = null;
            ApiError failure = null;
            try {
                if (err == null) {
                    used = r.usage();
                    answer = Passthrough.answered(trace, model, callStarted, r, req, traceId, target.route());
                } else {
                    RuntimeException e = err instanceof RuntimeException re ? re : new PonderException(PonderException.Kind.INTERNAL, err.toString(), err);
                    Passthrough.failed(trace, model, callStarted, e);
                    failure = ApiError.of(e);
                }
            } catch (RuntimeException e) {
                failure = ApiError.of(e);
            }
            if (failure != null) status = failure.status();
            try {
                // the trace is kept before the answer goes out, so the trace id the client reads can be looked up at
                // once; the ledger line may follow, off the loop when writing it could block
                accountWithoutBlocking(caller, req, target, traceId, held, used, status, runs, started);
            } finally {
                try {
                    if (failure == null) reply.passthroughBody(answer);
                    else reply.fail(failure);
                } catch (RuntimeException e) {
                    reply.fail(ApiError.of(e)); // ignored when the answer already went out
                }
                metrics.request("single", caller.id(), status, Duration.ofNanos(System.nanoTime() - started));
            }
        });
        return true;
    }

    private String nextId() {
        long x;
        synchronized (random) {
            x = random.nextLong();
        }
        return Long.toHexString(clock.millis()) + HEX.toHexDigits(x);
    }

    private long nextSeed() {
        synchronized (random) {
            return random.nextLong();
        }
    }

    /** The state of one request's runs. */
    private final class Execution {
        final Caller caller;
        final ChatRequest req;
        final Catalog.Target target;
        final String traceId;
        final Reply reply;
        final HttpTransport transport;
        final boolean single;
        final boolean live;
        final List<TraceJson.Run> runs = new CopyOnWriteArrayList<>();
        final List<Trace> allTraces = new CopyOnWriteArrayList<>();
        byte[] relayedAnswer;

        Execution(Caller caller, ChatRequest req, Catalog.Target target, String traceId, Reply reply, HttpTransport transport) {
            this.transport = transport;
            this.caller = caller;
            this.req = req;
            this.target = target;
            this.traceId = traceId;
            this.reply = reply;
            this.single = target.strategy().name().equals("single");
            this.live = req.stream() && single && target.model().streaming().isPresent();
        }

        /** The outcome, or empty when a passed-through response was already sent. */
        Optional<Outcome> run(long startedNanos) {
            ServedModel model = target.model();
            if (req.passthrough().isPresent() && !(single && model instanceof dev.ponder.server.catalog.UpstreamModel)) {
                throw dev.ponder.server.api.ApiFailure.field("tools", "tools, tool messages and non-text parts pass through to an upstream "
                        + "as sent, so they need a plain upstream model (one sample, no strategy); " + req.model() + " is "
                        + (single ? "a replayed bank" : "strategy " + target.strategy().name()));
            }
            ServedModel.Ask ask = model.ask(req, traceId);
            int runCount = single ? 1 : req.n();
            int perRun = single ? req.n() : target.strategy().maxSamples();
            Spending.Reservation res = spending.reserve(caller, model.worstCase(ask, perRun, runCount), model.worstCase(ask, 1, 1));
            Budget budget = req.budget();
            if (res.cap().isPresent()) budget = budget.withDollars(Math.min(budget.maxDollars().orElse(Double.MAX_VALUE), res.cap().get()));
            Meter meter = new Meter(budget, clock);
            long seed = req.seed().orElseGet(ChatService.this::nextSeed);
            int status = 200;
            Optional<Outcome> out = Optional.empty();
            try {
                if (relayed(req, target)) {
                    Usage worst = model.worstCase(ask, perRun, runCount);
                    requireWholeWorstCase(res, worst);
                    new Passthrough(req, (dev.ponder.server.catalog.UpstreamModel) model, traceId, reply, clock, tr -> allTraces.add(tr),
                            tr -> runs.add(new TraceJson.Run(tr, List.of(), "", "DONE", Optional.empty())), target.route(), answer -> relayedAnswer = answer, transport).run();
                    return Optional.empty();
                }
                out = Optional.of(single ? singleRun(ask, meter, seed) : strategyRuns(ask, meter, seed, runCount));
                return out;
            } catch (RuntimeException e) {
                status = ApiError.of(e).status();
                throw e;
            } finally {
                Usage used = Usage.ZERO;
                for (Trace tr : allTraces) used = used.plus(tr.total());
                account(caller, req, target, traceId, res, used, status, runs, startedNanos);
            }
        }


        private Session session(ServedModel.Ask ask, Meter meter, long seed, int run) {
            Trace tr = new Trace(traceId + "/" + run);
            allTraces.add(tr);
            int[] drawn = {0};
            Observed backend = new Observed(target.model().backendFor(seed + run),
                    live ? Optional.of(reply::delta) : Optional.empty(),
                    gens -> { if (!single) progress(run, drawn, gens); });
            return new Session(ask.problem(), backend, ask.base(), meter, tr, target.model().extractor(),
                    target.model().recordedAnswers(), new SplittableRandom(seed + run), clock);
        }

        private void progress(int run, int[] drawn, List<Generation> gens) {
            for (Generation g : gens) {
                drawn[0]++;
                String a = g.recordedAnswer().orElseGet(() -> target.model().extractor().extract(g.text())).replaceAll("\\s+", " ");
                reply.comment((req.n() > 1 ? "run " + (run + 1) + " " : "") + "sample " + drawn[0] + "/" + target.strategy().maxSamples()
                        + " answer=" + (a.length() > 60 ? a.substring(0, 60) + "..." : a) + " tokens=" + g.usage().outputTokens());
            }
        }

        private Outcome singleRun(ServedModel.Ask ask, Meter meter, long seed) {
            Session s = session(ask, meter, seed, 0);
            var got = s.draw(req.n());
            Result r = s.result("single", got.isEmpty() ? "" : got.getFirst().answer(), got.stream().findFirst(), got.isEmpty() ? 0 : 1);
            runs.add(new TraceJson.Run(s.trace(), r.samples(), r.answer(), r.stop().name(), r.error()));
            if (got.size() < req.n()) throw Failures.of(s, req.n(), got.size());
            List<Outcome.Choice> choices = new ArrayList<>();
            List<Outcome.Run> rs = new ArrayList<>();
            for (int i = 0; i < got.size(); i++) {
                var smp = got.get(i);
                choices.add(new Outcome.Choice(i, smp.text(), smp.reasoning(), "stop"));
                rs.add(new Outcome.Run(smp.answer(), smp.hasAnswer() ? 1 : 0, 1, r.stop().name(), Optional.empty()));
            }
            return outcome(choices, rs, s.trace().total(), got.size(), s.trace().calls().size());
        }

        private Outcome strategyRuns(ServedModel.Ask ask, Meter meter, long seed, int count) {
            Strategy strategy = target.strategy();
            List<Result> results = new ArrayList<>();
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < count; i++) sessions.add(session(ask, meter, seed, i));
            if (count == 1) {
                results.add(strategy.solve(sessions.getFirst()));
            } else {
                try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                    var futures = sessions.stream().map(s -> pool.submit(() -> strategy.solve(s))).toList();
                    for (var f : futures) results.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while running " + strategy.name(), e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new PonderException(PonderException.Kind.INTERNAL, "run failed: " + e.getCause(), e.getCause());
                }
            }
            Usage total = Usage.ZERO;
            int samples = 0;
            int calls = 0;
            List<Outcome.Choice> choices = new ArrayList<>();
            List<Outcome.Run> rs = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                Result r = results.get(i);
                runs.add(new TraceJson.Run(r.trace(), r.samples(), r.answer(), r.stop().name(), r.error()));
                total = total.plus(r.usage());
                samples += r.samples().size();
                calls += r.trace().calls().size();
                choices.add(new Outcome.Choice(i, r.text(), r.chosen().map(x -> x.reasoning()).orElse(""), "stop"));
                rs.add(new Outcome.Run(r.answer(), r.confidence(), r.samples().size(), r.stop().name(), r.error()));
            }
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).samples().isEmpty()) throw Failures.of(sessions.get(i), 1, 0);
            }
            return outcome(choices, rs, total, samples, calls);
        }

        private Outcome outcome(List<Outcome.Choice> choices, List<Outcome.Run> rs, Usage total, int samples, int calls) {
            return new Outcome(traceId, req.model(), target.strategy().name(), clock.instant().getEpochSecond(), choices, total, samples, calls, rs,
                    target.route());
        }
    }
}
