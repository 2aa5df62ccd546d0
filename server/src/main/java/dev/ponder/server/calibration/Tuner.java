package dev.ponder.server.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.chat.LiveTuning;
import dev.ponder.server.chat.ProxyBackendView;
import dev.ponder.server.config.CalibrationConfig;
import dev.ponder.server.ledger.Entry;
import dev.ponder.server.ledger.Ledger;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * What the proxy learns from its traffic for {@code adaptive}: each model's confidence floor (DeepConf's filter, when
 * its upstreams give log-probabilities) and, with a {@code calibration:} section, each calibrated model's stopping
 * rule. A share of the {@code adaptive} requests, drawn from a seeded generator, is drawn on to the full budget after
 * its answer went out, on a virtual thread of its own; that spend is booked apart in the ledger (key
 * {@value #LEDGER_KEY}, strategy {@code calibration}, never against the caller's budget) and the metrics
 * ({@code ponder_calibration_*}), and the full-budget samples join the model's calibration questions.
 */
public final class Tuner implements LiveTuning, AutoCloseable {
    /** The ledger key calibration spend is booked under. */
    public static final String LEDGER_KEY = "calibration";
    private static final System.Logger LOG = System.getLogger(Tuner.class.getName());
    private final Optional<CalibrationConfig> config;
    private final Map<String, ModelState> states;
    private final Map<String, ConfidenceFloor> floors = new ConcurrentHashMap<>();
    private final Map<String, QuestionLog> logs;
    private final Ledger ledger;
    private final CalibrationMeters meters;
    private final InstantSource clock;
    private final RandomGenerator chooser;
    private final ExecutorService draws = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Future<?>> inFlight = new ConcurrentLinkedQueue<>();

    /**
     * The tuner for {@code models}: with a section, a state for each served upstream model (live calibration) and each
     * model with a calibration file; without, confidence floors only. A file made for another model or answer kind, a
     * file for a model that is not a served upstream one, or a full budget over {@code maxSamples} is a config error.
     */
    public static Tuner open(Optional<CalibrationConfig> config, List<ServedModel> models, int maxSamples, Ledger ledger,
                             io.micrometer.core.instrument.MeterRegistry registry, InstantSource clock, RandomGenerator random) {
        return TunerSetup.open(config, models, maxSamples, ledger, new CalibrationMeters(registry), clock, new SplittableRandom(random.nextLong()));
    }

    Tuner(Optional<CalibrationConfig> config, Map<String, ModelState> states, Map<String, QuestionLog> logs, Ledger ledger,
          CalibrationMeters meters, InstantSource clock, RandomGenerator chooser) {
        this.config = config;
        this.states = Map.copyOf(states);
        this.logs = Map.copyOf(logs);
        this.ledger = ledger;
        this.meters = meters;
        this.clock = clock;
        this.chooser = chooser;
        states.values().forEach(s -> floors.put(s.model(), s.floor()));
        states.values().forEach(meters::watch);
    }

    /** The strategy registry the proxy resolves names with: {@code adaptive} runs each model's own calibration when there is a section. */
    public StrategyRegistry strategies() {
        StrategyRegistry r = StrategyRegistry.standard();
        if (config.isEmpty()) return r;
        var standard = r.entries().get("adaptive");
        return r.register("adaptive", standard.form(), standard.description() + "; in the proxy, each model's own calibration (a file or live)",
                p -> p.isEmpty() ? new LiveAdaptive(this) : standard.parser().apply(p).create());
    }

    Optional<ModelState> state(String model) { return Optional.ofNullable(states.get(model)); }

    int largestBudget() { return states.values().stream().mapToInt(ModelState::fullBudget).max().orElse(0); }

    @Override
    public List<Generation> adjust(String model, List<Generation> generations) {
        return floors.computeIfAbsent(model, m -> new ConfidenceFloor()).adjust(generations);
    }

    @Override
    public void answered(Done done) {
        if (config.isEmpty() || !config.get().live() || done.status() != 200 || done.runs().isEmpty()) return;
        if (!(done.target().strategy() instanceof LiveAdaptive) || !(done.target().model() instanceof UpstreamModel model)) return;
        ModelState state = states.get(model.id());
        if (state == null) return;
        boolean chosen;
        synchronized (chooser) {
            chosen = chooser.nextDouble() < config.get().share();
        }
        if (chosen) inFlight.add(draws.submit(() -> draw(done, model, state)));
    }

    /** Draws a calibrated request on to its full budget, books that spend apart, and adds the question (refitting when due). */
    private void draw(Done done, UpstreamModel model, ModelState state) {
        try {
            List<Sample> all = new ArrayList<>(done.runs().getFirst().samples());
            Trace trace = new Trace(done.traceId() + "/calibration");
            int more = state.fullBudget() - all.size();
            if (more > 0) {
                Backend backend = ProxyBackendView.of(model.backendFor(done.seed() + 1), Optional.empty(), gens -> adjust(model.id(), gens), gens -> { });
                Session s = new Session(done.ask().problem(), backend, model.withConfidences(done.ask().base()), new Meter(Budget.UNLIMITED, clock),
                        trace, model.extractor(), false, new SplittableRandom(done.seed() + 1), clock);
                all.addAll(s.draw(more));
            }
            var used = trace.total();
            ledger.record("total", new Entry(clock.instant(), LEDGER_KEY, trace.id(), model.id(), "calibration", used.inputTokens(),
                    used.outputTokens(), used.dollars(), all.size() >= state.fullBudget() ? 200 : 502));
            meters.drew(model.id(), used, Math.max(0, all.size() - done.runs().getFirst().samples().size()));
            meters.question(model.id(), all.size() >= state.fullBudget());
            if (all.size() < state.fullBudget()) return; // a call failed: an incomplete question would misstate the full budget's answer
            List<Sample> ordered = new ArrayList<>(all.size());
            for (Sample x : all.subList(0, state.fullBudget())) ordered.add(new Sample(ordered.size(), x.text(), x.reasoning(), x.answer(), x.usage(),
                    x.score(), x.recordedCorrect(), x.source(), x.confidence()));
            Question q = new Question(done.traceId(), ordered);
            Optional<QuestionLog> log = Optional.ofNullable(logs.get(model.id()));
            log.ifPresent(l -> l.append(q));
            state.add(q, true).ifPresent(r -> {
                meters.refit(model.id(), r);
                log.ifPresent(l -> l.write(state.current()));
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "calibration draws for request " + done.traceId() + " failed", e);
        }
    }

    /** Waits until the draws started so far (and any they start) are done: a graceful stop, or a test's next look. */
    public void awaitDraws() throws InterruptedException {
        for (Future<?> f; (f = inFlight.poll()) != null; ) {
            try {
                f.get();
            } catch (ExecutionException | CancellationException e) {
                // draw() logs its own failures
            }
        }
    }

    /** Every calibrated model's state, for {@code GET /v1/ponder/calibration}. */
    public ObjectNode status() { return StatusJson.of(config, states.values().stream().map(ModelState::status).toList()); }

    /** Stops the draws in flight (interrupting their calls), waiting a while for their ledger lines. */
    @Override
    public void close() {
        draws.shutdownNow();
        try {
            draws.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
