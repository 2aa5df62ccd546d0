package dev.ponder.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One model output as a strategy sees it: the text, its extracted answer (empty when none was found),
 * what it cost, an optional score (reward model or verifier) and, for recorded samples, the recorded label.
 */
public record Sample(int index, String text, String reasoning, String answer, Usage usage,
                     Optional<Double> score, Optional<Boolean> recordedCorrect, String source) {
    public Sample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(recordedCorrect, "recordedCorrect");
        Objects.requireNonNull(source, "source");
    }

    public boolean hasAnswer() { return !answer.isEmpty(); }

    public Sample withAnswer(String a) {
        return new Sample(index, text, reasoning, a, usage, score, recordedCorrect, source);
    }

    public Sample withScore(double s) {
        return new Sample(index, text, reasoning, answer, usage, Optional.of(s), recordedCorrect, source);
    }
}
