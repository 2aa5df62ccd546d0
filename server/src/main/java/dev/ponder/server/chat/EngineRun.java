package dev.ponder.server.chat;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.trace.TraceJson;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;

/**
 * One {@link Decision.Engine} request on the strategy engine, on a thread that may block: n independent runs of the
 * strategy (in parallel), or for {@code single} one run drawing n samples, all under a dollar cap equal to the
 * reservation (the session checks it before every call). A streamed {@code single} sample reaches the client token by
 * token as the upstream produces it; voting strategies report each sample as a progress comment.
 */
final class EngineRun {
    private final Decision.Engine d;
    private final ChatRequest req;
    private final Reply reply;
    private final InstantSource clock;
    private final long seed;
    private final boolean live;
    private final List<TraceJson.Run> runs = new CopyOnWriteArrayList<>();
    private final List<Trace> traces = new CopyOnWriteArrayList<>();

    EngineRun(Decision.Engine d, Reply reply, InstantSource clock, long seed) {
        this.d = d;
        this.req = d.arrival().request();
        this.reply = reply;
        this.clock = clock;
        this.seed = seed;
        this.live = req.stream() && d.target().single() && d.target().model().streaming().isPresent();
    }

    /** Whether the choices' text already reached the client as it was produced. */
    boolean live() { return live; }

    /** The runs so far, for the trace (every one, a failed one included). */
    List<TraceJson.Run> runs() { return List.copyOf(runs); }

    /** What every internal call of every run cost. */
    Usage used() {
        Usage used = Usage.ZERO;
        for (Trace t : traces) used = used.plus(t.total());
        return used;
    }

    Outcome run() {
        Budget budget = req.budget();
        if (d.held().cap().isPresent()) budget = budget.withDollars(Math.min(budget.maxDollars().orElse(Double.MAX_VALUE), d.held().cap().get()));
        Meter meter = new Meter(budget, clock);
        return d.target().single() ? single(meter) : strategy(meter);
    }

    private Session session(Meter meter, int run) {
        Trace tr = new Trace(d.arrival().traceId() + "/" + run);
        traces.add(tr);
        int[] drawn = {0};
        ServedModel model = d.target().model();
        Observed backend = new Observed(model.backendFor(seed + run), live ? Optional.of(reply::delta) : Optional.empty(),
                gens -> { if (!d.target().single()) progress(run, drawn, gens); });
        return new Session(d.ask().problem(), backend, d.ask().base(), meter, tr, model.extractor(), model.recordedAnswers(),
                new SplittableRandom(seed + run), clock);
    }

    private void progress(int run, int[] drawn, List<Generation> gens) {
        for (Generation g : gens) {
            drawn[0]++;
            String a = g.recordedAnswer().orElseGet(() -> d.target().model().extractor().extract(g.text())).replaceAll("\\s+", " ");
            reply.comment((req.n() > 1 ? "run " + (run + 1) + " " : "") + "sample " + drawn[0] + "/" + d.perRun()
                    + " answer=" + (a.length() > 60 ? a.substring(0, 60) + "..." : a) + " tokens=" + g.usage().outputTokens());
        }
    }

    private Outcome single(Meter meter) {
        Session s = session(meter, 0);
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

    private Outcome strategy(Meter meter) {
        Strategy strategy = d.target().strategy();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < d.runs(); i++) sessions.add(session(meter, i));
        List<Result> results = sessions.size() == 1 ? List.of(strategy.solve(sessions.getFirst())) : inParallel(strategy, sessions);
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

    private Outcome outcome(List<Outcome.Choice> choices, List<Outcome.Run> rs, Usage total, int samples, int calls) {
        return new Outcome(d.arrival().traceId(), req.model(), d.target().strategy().name(), clock.instant().getEpochSecond(), choices, total,
                samples, calls, rs, d.target().route());
    }
}
