package dev.ponder.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model output as a strategy sees it: the text, its extracted answer (empty when none was found), what it cost,
 * an optional score (reward model or verifier), an optional confidence in [0, 1] (from token log-probabilities, see
 * {@code dev.ponder.core.confidence.Confidence}), for recorded samples the recorded label, and the tool calls it made
 * (its answer is then the calls' canonical form, see {@code dev.ponder.core.answer.ToolCallAnswer}).
 */
public record Sample(int index, String text, String reasoning, String answer, Usage usage,
                     Optional<Double> score, Optional<Boolean> recordedCorrect, String source, Optional<Double> confidence,
                     List<ToolCall> toolCalls) {
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
        toolCalls = List.copyOf(toolCalls);
    }

    /** Without tool calls. */
    public Sample(int index, String text, String reasoning, String answer, Usage usage,
                  Optional<Double> score, Optional<Boolean> recordedCorrect, String source, Optional<Double> confidence) {
        this(index, text, reasoning, answer, usage, score, recordedCorrect, source, confidence, List.of());
    }

    /** Without a confidence or tool calls. */
    public Sample(int index, String text, String reasoning, String answer, Usage usage,
                  Optional<Double> score, Optional<Boolean> recordedCorrect, String source) {
        this(index, text, reasoning, answer, usage, score, recordedCorrect, source, Optional.empty());
    }

    public boolean hasAnswer() { return !answer.isEmpty(); }

    public Sample withScore(double s) {
        return new Sample(index, text, reasoning, answer, usage, Optional.of(s), recordedCorrect, source, confidence, toolCalls);
    }
}
