package dev.ponder.core.bank;

import java.util.Objects;
import java.util.Optional;

/** One line of a bank's {@code samples.jsonl}; {@code confidence} is in [0, 1] when present. */
public record RecordedSample(String problemId, int index, String text, String answer, boolean correct,
                             Optional<Double> score, Optional<Double> outputTokens, Optional<Double> costUsd,
                             Optional<Double> confidence) {
    public RecordedSample {
        Objects.requireNonNull(problemId, "problem_id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(confidence, "confidence");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, was " + index);
    }

    /** Without a confidence. */
    public RecordedSample(String problemId, int index, String text, String answer, boolean correct,
                          Optional<Double> score, Optional<Double> outputTokens, Optional<Double> costUsd) {
        this(problemId, index, text, answer, correct, score, outputTokens, costUsd, Optional.empty());
    }
}
