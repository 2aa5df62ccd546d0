package dev.ponder.core.backend;

import dev.ponder.core.confidence.Confidence;
import dev.ponder.core.model.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * One choice a backend returned: text, reasoning text (DeepSeek-style {@code reasoning_content}, empty if none),
 * finish reason, and its share of the call's usage. Recorded samples also carry their recorded answer, score, label
 * and confidence; a live backend that reads token log-probabilities gives a confidence too ({@code confidence} is its
 * {@link Confidence#weight()}, and {@code measured} the whole measure, DeepConf's lowest group confidence included).
 */
public record Generation(String text, String reasoning, String finishReason, Usage usage,
                         Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect,
                         Optional<Double> confidence, Optional<Confidence> measured) {
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(recordedAnswer, "recordedAnswer");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(recordedCorrect, "recordedCorrect");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(measured, "measured");
    }

    /** With a recorded confidence (a bank's), or none. */
    public Generation(String text, String reasoning, String finishReason, Usage usage,
                      Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect,
                      Optional<Double> confidence) {
        this(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, confidence, Optional.empty());
    }

    /** Without a confidence. */
    public Generation(String text, String reasoning, String finishReason, Usage usage,
                      Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect) {
        this(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, Optional.empty());
    }

    public static Generation live(String text, String reasoning, String finishReason, Usage usage) {
        return new Generation(text, reasoning, finishReason, usage, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A live choice whose token log-probabilities were measured: its confidence is the measure's weight. */
    public static Generation live(String text, String reasoning, String finishReason, Usage usage, Optional<Confidence> measured) {
        return new Generation(text, reasoning, finishReason, usage, Optional.empty(), Optional.empty(), Optional.empty(),
                measured.map(Confidence::weight), measured);
    }

    /** The same choice with another usage (priced, for example). */
    public Generation withUsage(Usage u) {
        return new Generation(text, reasoning, finishReason, u, recordedAnswer, score, recordedCorrect, confidence, measured);
    }

    /** The same choice with another confidence (weight), its measure kept. */
    public Generation withConfidence(Optional<Double> c) {
        return new Generation(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, c, measured);
    }
}
