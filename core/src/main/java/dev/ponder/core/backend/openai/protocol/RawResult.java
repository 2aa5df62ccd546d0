package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.confidence.Confidence;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One upstream response before accounting: its choices in index order and the usage it reported, if any. */
public record RawResult(List<Choice> choices, Optional<Tokens> usage) {
    /** One choice; {@code confidence} is read from its token log-probabilities when the server returned them. */
    public record Choice(String content, String reasoning, String finishReason, Optional<Confidence> confidence) {
        public Choice {
            java.util.Objects.requireNonNull(confidence, "confidence");
        }

        public Choice(String content, String reasoning, String finishReason) { this(content, reasoning, finishReason, Optional.empty()); }
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
