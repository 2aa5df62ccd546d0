package dev.ponder.core.backend;

import dev.ponder.core.confidence.Confidence;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One choice a backend returned: text, reasoning text (DeepSeek-style {@code reasoning_content}, empty if none),
 * finish reason, its share of the call's usage, and the tool calls it made (none unless the request offered tools).
 * Recorded samples also carry their recorded answer, score, label and confidence; a live backend that reads token
 * log-probabilities gives a confidence too ({@code confidence} is its {@link Confidence#weight()}, and {@code measured}
 * the whole measure, DeepConf's lowest group confidence included).
 */
public record Generation(String text, String reasoning, String finishReason, Usage usage,
                         Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect,
                         Optional<Double> confidence, Optional<Confidence> measured, List<ToolCall> toolCalls) {
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
        toolCalls = List.copyOf(toolCalls);
    }

    /** Without tool calls. */
    public Generation(String text, String reasoning, String finishReason, Usage usage,
                      Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect,
                      Optional<Double> confidence) {
        this(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, confidence, Optional.empty(), List.of());
    }

    /** Without a confidence or tool calls. */
    public Generation(String text, String reasoning, String finishReason, Usage usage,
                      Optional<String> recordedAnswer, Optional<Double> score, Optional<Boolean> recordedCorrect) {
        this(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, Optional.empty());
    }

    public static Generation live(String text, String reasoning, String finishReason, Usage usage) {
        return live(text, reasoning, finishReason, usage, List.of());
    }

    /** A live choice that may have called tools. */
    public static Generation live(String text, String reasoning, String finishReason, Usage usage, List<ToolCall> calls) {
        return live(text, reasoning, finishReason, usage, Optional.empty(), calls);
    }

    /**
     * A live choice that may have called tools and whose token log-probabilities may have been measured: its
     * confidence is the measure's weight.
     */
    public static Generation live(String text, String reasoning, String finishReason, Usage usage, Optional<Confidence> measured,
                                  List<ToolCall> calls) {
        return new Generation(text, reasoning, finishReason, usage, Optional.empty(), Optional.empty(), Optional.empty(),
                measured.map(Confidence::weight), measured, calls);
    }

    /** The same choice with another usage (priced, for example). */
    public Generation withUsage(Usage u) {
        return new Generation(text, reasoning, finishReason, u, recordedAnswer, score, recordedCorrect, confidence, measured, toolCalls);
    }

    /** The same choice with another confidence (weight), its measure kept. */
    public Generation withConfidence(Optional<Double> c) {
        return new Generation(text, reasoning, finishReason, usage, recordedAnswer, score, recordedCorrect, c, measured, toolCalls);
    }
}
