package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * One choice a backend returned: text, reasoning text (DeepSeek-style {@code reasoning_content}, empty if none),
 * finish reason, and its share of the call's usage. Recorded samples also carry their recorded answer, score and label.
 */
public record Generation(String text, String reasoning, String finishReason, Usage usage,
                         Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect) {
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(recordedAnswer, "recordedAnswer");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(recordedCorrect, "recordedCorrect");
    }

    public static Generation live(String text, String reasoning, String finishReason, Usage usage) {
        return new Generation(text, reasoning, finishReason, usage, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
