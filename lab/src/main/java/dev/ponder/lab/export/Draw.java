package dev.ponder.lab.export;

import java.util.Optional;

/**
 * One sample as an export sees it: its index (the store's draw order, or the bank's recorded index), text, extracted
 * answer, recorded verdict (empty when none was recorded) and what it cost (each figure empty when unknown).
 */
record Draw(int index, String text, String answer, Optional<Boolean> verdict, Optional<Double> inputTokens,
                   Optional<Double> outputTokens, Optional<Double> dollars) {}
