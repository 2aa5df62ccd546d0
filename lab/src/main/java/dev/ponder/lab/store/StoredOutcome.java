package dev.ponder.lab.store;

import java.util.Optional;

/** One configuration on one problem: the final answer, whether it was right, what it spent and why it stopped. */
public record StoredOutcome(String configId, String problemId, String answer, boolean correct, int samples, long inputTokens,
                            long outputTokens, long reasoningTokens, double dollars, double latencyMs, String stop,
                            double confidence, Optional<String> error) {}
