package dev.ponder.lab.eval;

import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.StopReason;
import java.util.Optional;

/**
 * One strategy on one problem: the answer, whether it was right and what it spent; when a call failed after its
 * retries, the failure (such a problem is counted apart from wrong answers); the think route a budget-forced chain took.
 */
public record ProblemOutcome(String problemId, String answer, boolean correct, int samples, long outputTokens,
                             long reasoningTokens, double dollars, StopReason stop, Optional<Failure> failure,
                             Optional<String> thinkRoute) {

    /** True when a call failed after its retries: the outcome measures the backend, not the strategy. */
    public boolean failed() { return stop == StopReason.FAILED; }
}
