package dev.ponder.core.bank;

import java.util.Objects;
import java.util.Optional;

/** One line of a bank's {@code samples.jsonl}. */
public record RecordedSample(String problemId, int index, String text, String answer, boolean correct,
                             Optional<Double> score, Optional<Double> outputTokens, Optional<Double> costUsd) {
    public RecordedSample {
        Objects.requireNonNull(problemId, "problem_id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answer, "answer");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
}
