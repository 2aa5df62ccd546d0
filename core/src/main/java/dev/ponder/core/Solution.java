package dev.ponder.core;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.StopReason;
import dev.ponder.core.trace.Trace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine returns for one question:
 * <pre>{@code
 * Solution s = ponder.solve("What is 6 x 7?", Policy.vote(5));
 * s.answer();      // "42": the chosen answer, empty when none was found
 * s.text();        // the reply: the text of the sample the answer came from
 * s.confidence();  // 0.8: share of the votes (or the strategy's own measure), in [0, 1]
 * s.dollars();     // what every call cost together; s.usage() has the tokens
 * s.samples();     // every sample drawn, in order; s.sampleCount() is how many
 * s.trace();       // every internal call: model, tokens, dollars, attempts, errors
 * }</pre>
 */
public final class Solution {
    private final String answer;
    private final String text;
    private final double confidence;
    private final Usage usage;
    private final String policy;
    private final List<Sample> samples;
    private final StopReason stop;
    private final Optional<PonderException> failure;
    private final Trace trace;

    Solution(String answer, String text, double confidence, Usage usage, String policy, List<Sample> samples, StopReason stop,
             Optional<PonderException> failure, Trace trace) {
        this.answer = Objects.requireNonNull(answer, "answer");
        this.text = Objects.requireNonNull(text, "text");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.samples = List.copyOf(samples);
        this.stop = Objects.requireNonNull(stop, "stop");
        this.failure = Objects.requireNonNull(failure, "failure");
        this.trace = Objects.requireNonNull(trace, "trace");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        this.confidence = confidence;
    }

    /** The chosen answer, empty when none was found. */
    public String answer() { return answer; }

    /** The reply: the text of the sample the answer came from. */
    public String text() { return text; }

    /** Share of the votes (or the strategy's own measure), in [0, 1]. */
    public double confidence() { return confidence; }

    /** Tokens and dollars of every call together. */
    public Usage usage() { return usage; }

    /** The policy that ran, as written ({@code vote@5:gpt-4o-mini}); for {@code auto} the router's choice. */
    public String policy() { return policy; }

    /** Every sample drawn, in order, with its extracted answer and usage. */
    public List<Sample> samples() { return samples; }

    /** Why drawing stopped: {@code DONE}, or short because of the budget, deadline, bank or a failure. */
    public StopReason stop() { return stop; }

    /** The backend failure that stopped drawing early, when there was one. */
    public Optional<PonderException> failure() { return failure; }

    /** Every internal call: model, tokens, dollars, attempts, errors. */
    public Trace trace() { return trace; }

    /** Dollars spent on this question (all calls, as priced by the backend or the engine's price catalogue). */
    public double dollars() { return usage.dollars(); }

    /** How many samples were drawn. */
    public int sampleCount() { return samples.size(); }

    public boolean answered() { return !answer.isEmpty(); }

    /**
     * This solution, or the failure that left it with no sample at all (so callers that need a reply, such as a
     * chat-model adapter, can fail like a model call would).
     */
    public Solution orThrow() {
        if (samples.isEmpty() && failure.isPresent()) throw failure.get();
        if (samples.isEmpty() && stop != StopReason.DONE) {
            throw new PonderException(stop == StopReason.BUDGET || stop == StopReason.DEADLINE
                    ? PonderException.Kind.BUDGET_EXCEEDED : PonderException.Kind.SAMPLES_EXHAUSTED,
                    "no sample could be drawn under policy " + policy + " (" + stop + ")");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Solution[" + policy + ": " + (answered() ? answer : "no answer") + ", confidence " + confidence + ", " + samples.size()
                + " samples, " + stop + "]";
    }
}
