package dev.ponder.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One model output as a strategy sees it: the text, its extracted answer (empty when none was found), what it cost,
 * an optional score (reward model or verifier), an optional confidence in [0, 1] (from token log-probabilities, see
 * {@code dev.ponder.core.confidence.Confidence}) and, for recorded samples, the recorded label.
 */
public record Sample(int index, String text, String reasoning, String answer, Usage usage,
                     Optional<Double> score, Optional<Boolean> recordedCorrect, String source, Optional<Double> confidence) {
    public Sample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(recordedCorrect, "recordedCorrect");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        confidence.ifPresent(c -> {
            if (!(c >= 0 && c <= 1)) throw new IllegalArgumentException("sample confidence must be in [0, 1], was " + c);
        });
    }

    /** Without a confidence. */
    public Sample(int index, String text, String reasoning, String answer, Usage usage,
                  Optional<Double> score, Optional<Boolean> recordedCorrect, String source) {
        this(index, text, reasoning, answer, usage, score, recordedCorrect, source, Optional.empty());
    }

    public boolean hasAnswer() { return !answer.isEmpty(); }

    public Sample withScore(double s) {
        return new Sample(index, text, reasoning, answer, usage, Optional.of(s), recordedCorrect, source, confidence);
    }
}
