package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strategy returns: the chosen answer (empty if none), the sample it came from (its text is the reply),
 * a confidence in [0, 1], every sample drawn, why it stopped (and the failure behind a short stop), and the trace of
 * every call with the total usage.
 */
public record Result(String strategy, String answer, Optional<Sample> chosen, double confidence, List<Sample> samples,
                     StopReason stop, Optional<Failure> failure, Trace trace) {
    public Result {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(chosen, "chosen");
        samples = List.copyOf(samples);
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(trace, "trace");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
    }

    /** The failure's message, when drawing stopped short. */
    public Optional<String> error() { return failure.map(Failure::message); }

    /** True when a call failed after its retries ({@link StopReason#FAILED}): the result measures the backend, not the strategy. */
    public boolean failed() { return stop == StopReason.FAILED; }

    public Usage usage() { return trace.total(); }

    public boolean answered() { return !answer.isEmpty(); }

    /** The reply text: the chosen sample's text, or empty. */
    public String text() { return chosen.map(Sample::text).orElse(""); }
}
