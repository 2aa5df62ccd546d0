package dev.ponder.lab.store;

import dev.ponder.core.strategy.Failure;
import java.util.Optional;

/**
 * One configuration on one problem: the final answer, whether it was right, what it spent and why it stopped;
 * {@code error} is the failure behind a short stop, written {@code KIND: message}.
 */
public record StoredOutcome(String configId, String problemId, String answer, boolean correct, int samples, long inputTokens,
                            long outputTokens, long reasoningTokens, double dollars, double latencyMs, String stop,
                            double confidence, Optional<String> error) {

    /** True when a call failed after its retries: counted apart from wrong answers. */
    public boolean failed() { return stop.equals("FAILED"); }

    /** The failure behind a short stop, with its kind. */
    public Optional<Failure> failure() { return error.flatMap(Failure::parse); }
}
