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
 * s.samples();     // how many samples were drawn
 * s.trace();       // every internal call: model, tokens, dollars, attempts, errors
 * }</pre>
 *
 * @param policy  the policy that ran, as written ({@code vote@5:gpt-4o-mini}); for {@code auto} the router's choice
 * @param samples every sample drawn, in order, with its extracted answer and usage
 * @param stop    why drawing stopped: {@code DONE}, or short because of the budget, deadline, bank or a failure
 * @param failure the backend failure that stopped drawing early, when there was one
 */
public record Solution(String answer, String text, double confidence, Usage usage, String policy, List<Sample> samples,
                       StopReason stop, Optional<PonderException> failure, Trace trace) {
    public Solution {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(policy, "policy");
        samples = List.copyOf(samples);
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(trace, "trace");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
    }

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
}
