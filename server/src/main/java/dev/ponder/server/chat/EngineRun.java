package dev.ponder.server.chat;

import dev.ponder.core.answer.ToolCallAnswer;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.trace.Trace;
import dev.ponder.core.verify.Verifier;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.trace.TraceJson;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One {@link Decision.Engine} request on the strategy engine, on a thread that may block: n independent runs of the
 * strategy (in parallel), or for {@code single} one run drawing n samples, all under a dollar cap equal to the
 * reservation (the session checks it before every call; a judge checker's calls are metered the same way). A streamed
 * {@code single} sample reaches the client token by token as the upstream produces them; voting strategies report each
 * sample as a progress comment. {@code adaptive} on an upstream configured for log-probabilities asks for them, and
 * each sample's confidence weighs its vote ({@link LiveTuning#adjust}). A {@code think@T} chain that found its upstream
 * has no plain completions (under {@code completions: auto}) runs again by chat turns.
 */
final class EngineRun {
    private final Decision.Engine d;
    private final ChatRequest req;
    private final Reply reply;
    private final InstantSource clock;
    private final long seed;
    private final boolean live;
    private final BiFunction<String, UnaryOperator<Backend>, Verifier> checkers;
    private final LiveTuning tuning;
    private final List<TraceJson.Run> runs = new CopyOnWriteArrayList<>();
    private final List<Trace> traces = new CopyOnWriteArrayList<>();
    private final AtomicLong streamed = new AtomicLong(); // characters sent live

    EngineRun(Decision.Engine d, Reply reply, InstantSource clock, long seed, BiFunction<String, UnaryOperator<Backend>, Verifier> checkers,
              LiveTuning tuning) {
        this.d = d;
        this.req = d.arrival().request();
        this.reply = reply;
        this.clock = clock;
        this.seed = seed;
        this.checkers = checkers;
        this.tuning = tuning;
        this.live = req.stream() && d.target().single() && d.target().model().streaming().isPresent();
    }

    /** Whether the choices' text already reached the client as it was produced. */
    boolean live() { return live; }

    /** The runs so far, for the trace (every one, a failed one included). */
    List<TraceJson.Run> runs() { return List.copyOf(runs); }

    /** What every internal call of every run cost (a judge checker's included). */
    Usage used() {
        Usage used = Usage.ZERO;
        for (Trace t : traces) used = used.plus(t.total());
        return used;
    }

    Outcome run() {
        Budget budget = req.budget();
        if (d.held().cap().isPresent()) budget = budget.withDollars(Math.min(budget.maxDollars().orElse(Double.MAX_VALUE), d.held().cap().get()));
        Meter meter = new Meter(budget, clock);
        Trace judging = new Trace(d.arrival().traceId() + "/checker");
        Optional<Verifier> checker = d.checker().map(spec -> checkers.apply(spec, b -> new Metered(b, meter, judging, "judge", clock)));
        try {
            Outcome o = d.target().single() ? single(meter) : strategy(meter, checker);
            return judging.calls().isEmpty() ? o : o.plus(judging.total(), judging.calls().size());
        } catch (RuntimeException e) {
            if (live && streamed.get() > 0 && d.target().model() instanceof UpstreamModel u) {
                Trace cut = new Trace(d.arrival().traceId() + "/cut");
                CutStreams.book(cut, u, d.ask().base(), streamed.get(), clock.instant());
                traces.add(cut);
                runs.add(Settled.asWritten(cut));
            }
            throw e;
        } finally {
            if (!judging.calls().isEmpty()) {
                traces.add(judging);
                runs.add(Settled.asWritten(judging));
            }
        }
    }

    /** {@code adaptive} on upstreams that give log-probabilities: ask for them, and read each sample's confidence. */
    private boolean confidences() {
        return d.target().strategy().name().startsWith("adaptive") && d.target().model() instanceof UpstreamModel u && u.pool().logprobs();
    }

    private Session session(Meter meter, int run, Trace tr, Optional<Verifier> checker, boolean chatOnly) {
        ServedModel model = d.target().model();
        boolean weigh = confidences();
        int[] drawn = {0};
        Backend b = model.backendFor(seed + run);
        Backend backend = ProxyBackendView.of(chatOnly ? Backend.byModel(Map.of(d.ask().base().model(), () -> b)) : b,
                live ? Optional.of(delta -> {
                    streamed.addAndGet(delta.text().length());
                    reply.delta(delta);
                }) : Optional.empty(),
                weigh ? gens -> tuning.adjust(model.id(), gens) : UnaryOperator.identity(),
                gens -> { if (!d.target().single()) progress(run, drawn, gens); });
        GenerationRequest base = weigh ? ((UpstreamModel) model).withConfidences(d.ask().base()) : d.ask().base();
        return new Session(d.ask().problem(), backend, base, meter, tr, model.extractor(), model.recordedAnswers(),
                new SplittableRandom(seed + run), clock, checker);
    }

    private Trace trace(int run) {
        Trace tr = new Trace(d.arrival().traceId() + "/" + run);
        traces.add(tr);
        return tr;
    }

    private void progress(int run, int[] drawn, List<Generation> gens) {
        for (Generation g : gens) {
            drawn[0]++;
            String a = (g.toolCalls().isEmpty() ? g.recordedAnswer().orElseGet(() -> d.target().model().extractor().extract(g.text()))
                    : ToolCallAnswer.of(g.toolCalls())).replaceAll("\\s+", " ");
            reply.comment((req.n() > 1 ? "run " + (run + 1) + " " : "") + "sample " + drawn[0] + "/" + d.perRun()
                    + " answer=" + (a.length() > 60 ? a.substring(0, 60) + "..." : a) + " tokens=" + g.usage().outputTokens());
        }
    }

    private Outcome single(Meter meter) {
        Session s = session(meter, 0, trace(0), Optional.empty(), false);
        var got = s.draw(req.n());
        Result r = s.result("single", got.isEmpty() ? "" : got.getFirst().answer(), got.stream().findFirst(), got.isEmpty() ? 0 : 1);
        runs.add(new TraceJson.Run(s.trace(), r.samples(), r.answer(), r.stop().name(), r.error()));
        if (got.size() < req.n()) throw Failures.of(s, req.n(), got.size());
        List<Outcome.Choice> choices = new ArrayList<>();
        List<Outcome.Run> rs = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            var smp = got.get(i);
            choices.add(Outcome.Choice.of(i, smp.text(), smp.reasoning(), ids(smp.toolCalls(), i)));
            rs.add(new Outcome.Run(smp.answer(), smp.hasAnswer() ? 1 : 0, 1, r.stop().name(), Optional.empty()));
        }
        return outcome(choices, rs, s.trace().total(), got.size(), s.trace().calls().size());
    }

    private Outcome strategy(Meter meter, Optional<Verifier> checker) {
        Strategy strategy = d.target().strategy();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < d.runs(); i++) sessions.add(session(meter, i, trace(i), checker, false));
        List<Result> results = new ArrayList<>(sessions.size() == 1 ? List.of(strategy.solve(sessions.getFirst())) : inParallel(strategy, sessions));
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).samples().isEmpty() && ThinkRuns.completionsWentMissing(strategy, sessions.get(i), d.target().model())) {
                // the chain's upstream answered that it has no /completions: the same chain by chat turns, in the same trace
                sessions.set(i, session(meter, i, sessions.get(i).trace(), checker, true));
                results.set(i, strategy.solve(sessions.get(i)));
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
            choices.add(Outcome.Choice.of(i, r.text(), r.chosen().map(x -> x.reasoning()).orElse(""), ids(r.chosen().map(x -> x.toolCalls()).orElse(List.of()), i)));
            rs.add(new Outcome.Run(r.answer(), r.confidence(), r.samples().size(), r.stop().name(), r.error(), ThinkRuns.of(r.trace())));
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).samples().isEmpty()) throw Failures.of(sessions.get(i), 1, 0);
        }
        return outcome(choices, rs, total, samples, calls);
    }

    private static List<Result> inParallel(Strategy strategy, List<Session> sessions) {
        List<Result> results = new ArrayList<>();
        try (var pool = Telemetry.current().wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            var futures = sessions.stream().map(s -> pool.submit(() -> strategy.solve(s))).toList();
            for (var f : futures) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while running " + strategy.name(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new PonderException(PonderException.Kind.INTERNAL, "run failed: " + e.getCause(), e.getCause());
        }
        return results;
    }

    /** The calls, each with an id: the upstream's, or one of the proxy's when it gave none (a tool result must name its call). */
    private List<ToolCall> ids(List<ToolCall> calls, int choice) {
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            out.add(c.id().isBlank() ? c.withId("call_" + d.arrival().traceId() + "_" + choice + "_" + i) : c);
        }
        return out;
    }

    private Outcome outcome(List<Outcome.Choice> choices, List<Outcome.Run> rs, Usage total, int samples, int calls) {
        return new Outcome(d.arrival().traceId(), req.model(), d.target().strategy().name(), clock.instant().getEpochSecond(), choices, total,
                samples, calls, rs, d.target().route());
    }
}
