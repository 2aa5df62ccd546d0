package dev.ponder.core.model;

import java.time.Duration;

/**
 * What a call (or a sum of calls) consumed. Reasoning tokens are a part of the output tokens, as in OpenAI's
 * {@code completion_tokens_details.reasoning_tokens}; they are priced as output and reported separately.
 */
public record Usage(long inputTokens, long outputTokens, long reasoningTokens, double dollars, Duration latency) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0, Duration.ZERO);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || reasoningTokens < 0)
            throw new IllegalArgumentException("negative token count: in=" + inputTokens + " out=" + outputTokens
                    + " reasoning=" + reasoningTokens);
        if (!(dollars >= 0)) throw new IllegalArgumentException("dollars must be >= 0, was " + dollars);
        if (latency == null || latency.isNegative()) throw new IllegalArgumentException("latency must be >= 0, was " + latency);
    }

    public long totalTokens() { return inputTokens + outputTokens; }

    /** The same usage with all its output counted as thinking (a budget-forcing step whose whole output is a chain of thought). */
    public Usage asThinking() { return new Usage(inputTokens, outputTokens, outputTokens, dollars, latency); }

    /** Sum of two usages; latency adds up too (the caller's wall time is kept in the trace). */
    public Usage plus(Usage o) {
        return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                reasoningTokens + o.reasoningTokens, dollars + o.dollars, latency.plus(o.latency));
    }
}
