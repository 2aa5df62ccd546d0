package dev.ponder.lab.store;

import java.util.Optional;

/** One drawn sample: its text, extracted answer, verdict (empty when it had no answer to check) and what it cost. */
public record StoredSample(int index, String text, String reasoning, String answer, Optional<Boolean> verdict,
                           Optional<Double> score, long inputTokens, long outputTokens, long reasoningTokens,
                           double dollars, double latencyMs) {}
