package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.confidence.Confidence;
import dev.ponder.core.model.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One upstream response before accounting: its choices in index order and the usage it reported, if any. */
public record RawResult(List<Choice> choices, Optional<Tokens> usage) {
    /**
     * One choice: its text, reasoning, finish reason (OpenAI's names), the tool calls it made, and its confidence,
     * read from its token log-probabilities when the server returned them.
     */
    public record Choice(String content, String reasoning, String finishReason, List<ToolCall> toolCalls, Optional<Confidence> confidence) {
        public Choice {
            toolCalls = List.copyOf(toolCalls);
            Objects.requireNonNull(confidence, "confidence");
        }

        public Choice(String content, String reasoning, String finishReason) { this(content, reasoning, finishReason, List.of(), Optional.empty()); }

        public Choice(String content, String reasoning, String finishReason, List<ToolCall> toolCalls) {
            this(content, reasoning, finishReason, toolCalls, Optional.empty());
        }

        /** What the choice wrote, for apportioning output tokens: text, reasoning, and each call's name and arguments. */
        public long outputChars() {
            long n = (long) content.length() + reasoning.length();
            for (ToolCall c : toolCalls) n += c.name().length() + c.arguments().length();
            return n;
        }
    }

    /** Token counts as reported; reasoning is part of completion. */
    public record Tokens(long prompt, long completion, long reasoning) {

        /**
         * The one reading of a reported usage, whatever parsed it: completion tokens as sent, else the total less the
         * prompt (servers that send only {@code total_tokens}; {@code total} is the prompt when absent), none below 0.
         */
        public static Tokens reported(long prompt, OptionalLong completion, long total, long reasoning) {
            long c = completion.isPresent() ? completion.getAsLong() : Math.max(0, total - prompt);
            return new Tokens(Math.max(0, prompt), Math.max(0, c), Math.max(0, reasoning));
        }
    }

    public RawResult {
        choices = List.copyOf(choices);
    }
}
