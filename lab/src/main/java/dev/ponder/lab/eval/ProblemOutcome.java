package dev.ponder.lab.eval;

import dev.ponder.core.strategy.StopReason;

/** One strategy on one problem: the answer, whether it was right and what it spent. */
public record ProblemOutcome(String problemId, String answer, boolean correct, int samples, long outputTokens,
                             long reasoningTokens, double dollars, StopReason stop) {}
