package dev.ponder.core.strategy;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.answer.ToolCallAnswer;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.telemetry.StepSpan;
import dev.ponder.core.trace.Trace;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * A strategy's view of one question: it draws samples through here, and here every draw is checked against the
 * budget before the call (the worst case is reserved, then settled with what was used), recorded in the trace, and
 * its answer extracted. A draw that cannot be made returns fewer samples and sets {@link #stopReason()}; strategies
 * then finish with what they have, so a failing backend or an exhausted bank gives a clean result. A {@link Grouping}
 * answer kind gets fresh state for this question, reads every text (recorded answers are not used with it), and makes
 * the final answer the chosen sample's own text.
 */
public final class Session {
    private final Problem problem;
    private final Backend backend;
    private final GenerationRequest base;
    private final Meter meter;
    private final Trace trace;
    private final AnswerExtractor extractor;
    private final boolean useRecordedAnswers;
    private final RandomGenerator rng;
    private final InstantSource clock;
    private final Optional<Verifier> checker;
    private final List<Sample> drawn = new ArrayList<>();
    private StopReason stop = StopReason.DONE;
    private Optional<Failure> failure = Optional.empty();

    public Session(Problem problem, Backend backend, GenerationRequest base, Meter meter, Trace trace,
                   AnswerExtractor extractor, boolean useRecordedAnswers, RandomGenerator rng, InstantSource clock) {
        this(problem, backend, base, meter, trace, extractor, useRecordedAnswers, rng, clock, Optional.empty());
    }

    /**
     * With a checker: a verifier that judges answers without the reference (an exact Game of 24 checker, unit tests,
     * an LLM judge, or a noisy wrapper), which {@code verify@K}, {@code refine@R} and {@code cascade} consult.
     */
    public Session(Problem problem, Backend backend, GenerationRequest base, Meter meter, Trace trace,
                   AnswerExtractor extractor, boolean useRecordedAnswers, RandomGenerator rng, InstantSource clock,
                   Optional<Verifier> checker) {
        this.checker = checker;
        this.problem = problem;
        this.backend = backend;
        this.base = base;
        this.meter = meter;
        this.trace = trace;
        this.extractor = extractor instanceof Grouping g ? g.forQuestion() : extractor;
        this.useRecordedAnswers = useRecordedAnswers && !(extractor instanceof Grouping);
        this.rng = rng;
        this.clock = clock;
    }

    public Problem problem() { return problem; }

    public Trace trace() { return trace; }

    public Meter meter() { return meter; }

    public RandomGenerator rng() { return rng; }

    public AnswerExtractor extractor() { return extractor; }

    public GenerationRequest baseRequest() { return base; }

    public Optional<Verifier> checker() { return checker; }

    /** Checks a sample's answer (with a grouping, its own text) with the checker, recording the verdict in the trace. */
    public Verdict check(Sample sample) {
        Verifier v = checker.orElseThrow(() -> PonderException.invalid(
                "this strategy needs a checker (a verifier that judges answers without the reference), and none is configured; known: %s",
                String.join(", ", CheckerSpec.FORMS)));
        var started = clock.instant();
        Verdict verdict;
        try {
            verdict = v.verify(problem, extractor instanceof Grouping ? Grouping.normalise(sample.text()) : sample.answer());
        } catch (RuntimeException e) {
            verdict = Verdict.undecided("checker failed: " + e.getMessage());
        }
        trace.record("verify", v.name(), "", 0, Usage.ZERO, started, 1, List.of("sample " + sample.index() + " " + verdict.label()), Optional.empty());
        return verdict;
    }

    /** Every sample drawn so far, in order. */
    public List<Sample> drawn() { return List.copyOf(drawn); }

    /** Why drawing stopped, when a draw came back short; {@link StopReason#DONE} otherwise. */
    public StopReason stopReason() { return stop; }

    public Optional<String> error() { return failure.map(Failure::message); }

    /** Why drawing stopped short, with the error's kind; empty while {@link #stopReason()} is {@link StopReason#DONE}. */
    public Optional<Failure> failure() { return failure; }

    /** True once a draw came back short: drawing again will not give more. */
    public boolean stopped() { return stop != StopReason.DONE; }

    /** Draws up to {@code n} samples of the question. */
    public List<Sample> draw(int n) { return draw(base.withN(n), "sample"); }

    /**
     * Draws up to {@code request.n()} samples for an arbitrary request (a critique, a revision, another tier's model).
     * Returns fewer (possibly none) when the budget, the deadline, the bank or the backend says so.
     */
    public List<Sample> draw(GenerationRequest request, String purpose) { return draw(request, purpose, false); }

    /**
     * As {@link #draw(GenerationRequest, String)}; with {@code thinking} the calls' output counts as thinking tokens
     * in their usage (a budget-forcing step whose whole output is a chain of thought, whatever the server reported).
     */
    public List<Sample> draw(GenerationRequest request, String purpose, boolean thinking) {
        List<Sample> out = new ArrayList<>();
        // a budget that holds fewer than n worst cases at once may still cover n samples once the first ones settle
        // at what they really cost: draw what fits, then ask again for the rest
        while (out.size() < request.n() && !stopped()) {
            int n = request.n() - out.size();
            OptionalInt left = backend.remaining(request);
            boolean lastOfStock = left.isPresent() && left.getAsInt() < n;
            if (lastOfStock) n = left.getAsInt();
            if (n <= 0) {
                halt(StopReason.EXHAUSTED, PonderException.Kind.SAMPLES_EXHAUSTED, "no recorded samples left for problem " + problem.id());
                break;
            }
            List<Sample> got = call(purpose, request.model(), n, k -> backend.worstCase(request.withN(k)),
                    k -> backend.generate(request.withN(k)), thinking, purpose.equals("sample"));
            out.addAll(got);
            if (got.isEmpty() || lastOfStock) break;
        }
        return out;
    }

    /** True when the backend gives a finite stock of finished samples (a replay bank) rather than a live model. */
    public boolean finite() { return backend.remaining(base).isPresent(); }

    /** True when the backend can continue a raw prompt ({@code /completions}), which budget forcing prefers. */
    public boolean canComplete() { return backend instanceof CompletionBackend; }

    /** True when the backend holds a chain's thinking to a token budget itself (Anthropic's extended thinking). */
    public boolean budgetsThinking() { return backend.budgetsThinking(base.model()); }

    /**
     * Continues a raw prompt through the backend's completions endpoint, checked and recorded like {@link #draw};
     * the samples are not added to {@link #drawn()}. Throws INVALID_INPUT when the backend cannot complete.
     */
    public List<Sample> complete(CompletionRequest request, String purpose, boolean thinking) {
        if (!(backend instanceof CompletionBackend cb)) {
            throw PonderException.invalid("backend %s has no plain completions endpoint", backend.name());
        }
        return call(purpose, request.model(), request.n(), k -> cb.worstCase(request.withN(k)), k -> cb.complete(request.withN(k)),
                thinking, false);
    }

    /** Adds a sample put together from several calls (a budget-forced chain) to {@link #drawn()}, extracting its answer. */
    public Sample addSample(String text, String reasoning, Usage usage, String source) {
        Sample s = new Sample(drawn.size(), text, reasoning, extractor.extractAfterCue(text), usage, Optional.empty(), Optional.empty(), source);
        drawn.add(s);
        return s;
    }

    private List<Sample> call(String purpose, String model, int wanted, IntFunction<Usage> worstCase,
                              IntFunction<Generated> generate, boolean thinking, boolean keep) {
        if (stopped()) return List.of();
        return StepSpan.around(purpose, model, wanted, trace, () -> made(purpose, model, wanted, worstCase, generate, thinking, keep),
                () -> stop.name());
    }

    private List<Sample> made(String purpose, String model, int wanted, IntFunction<Usage> worstCase,
                              IntFunction<Generated> generate, boolean thinking, boolean keep) {
        int n = wanted;
        Meter.Reservation hold = null;
        for (int k = n; k >= 1 && hold == null; k--) {
            try {
                hold = meter.reserve(worstCase.apply(k));
                n = k;
            } catch (PonderException e) {
                if (meter.deadlinePassed()) return halt(StopReason.DEADLINE, e.kind(), e.getMessage());
                if (k == 1) return halt(StopReason.BUDGET, e.kind(), e.getMessage());
            }
        }
        var started = clock.instant();
        Generated got;
        try {
            got = generate.apply(n);
        } catch (PonderException e) {
            hold.settle(Usage.ZERO);
            trace.record(purpose, backend.nameFor(model), model, 0, Usage.ZERO, started, e.attempts(),
                    List.of(), Optional.of(e.kind() + ": " + e.getMessage()));
            stop = e.kind() == PonderException.Kind.SAMPLES_EXHAUSTED ? StopReason.EXHAUSTED : StopReason.FAILED;
            failure = Optional.of(Failure.of(e));
            return List.of();
        }
        List<Generation> gens = got.generations();
        Usage total = Usage.ZERO;
        for (Generation g : gens) total = total.plus(thinking ? g.usage().asThinking() : g.usage());
        // settled and traced before answers are read: a grouping's embedding model may fail, and the spend must stand
        hold.settle(total);
        trace.record(purpose, backend.nameFor(model), model, gens.size(), total, started, got.attempts(), List.of(), Optional.empty());
        List<Sample> out = new ArrayList<>(gens.size());
        for (Generation g : gens) {
            String answer = !g.toolCalls().isEmpty() || base.extra().containsKey("tools") ? ToolCallAnswer.of(g.toolCalls(), g.text(), extractor)
                    : useRecordedAnswers && g.recordedAnswer().isPresent() ? g.recordedAnswer().get() : extractor.extract(g.text());
            Sample s = new Sample(drawn.size(), g.text(), g.reasoning(), answer, thinking ? g.usage().asThinking() : g.usage(),
                    g.score(), g.recordedCorrect(), purpose, g.confidence(), g.toolCalls());
            if (keep) drawn.add(s);
            out.add(s);
        }
        return out;
    }

    private List<Sample> halt(StopReason why, PonderException.Kind kind, String message) {
        stop = why;
        failure = Optional.of(new Failure(kind, message));
        return List.of();
    }

    /** Notes how the strategy ran on the trace's last call, e.g. which route a budget-forced chain took and its thinking tokens. */
    public void annotate(List<String> notes) { trace.annotateLast(notes); }

    /**
     * A result built from this session's state. With a grouping the answer is the chosen sample's own text (its group's
     * label is the group's first text, which need not be the reply chosen to stand for it).
     */
    public Result result(String strategy, String answer, Optional<Sample> chosen, double confidence) {
        String a = extractor instanceof Grouping && !answer.isEmpty() && chosen.isPresent() && chosen.get().toolCalls().isEmpty()
                ? Grouping.normalise(chosen.get().text()) : answer;
        return new Result(strategy, a, chosen, confidence, drawn, stop, stop == StopReason.DONE ? Optional.empty() : failure, trace);
    }
}
