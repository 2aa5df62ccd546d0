package dev.ponder.core.backend.openai;

import java.util.regex.Pattern;

/**
 * The body field that carries a request's output-token cap. OpenAI's reasoning models (o1, o3, o4, gpt-5) reject
 * {@code max_tokens} and need {@code max_completion_tokens}, which counts reasoning tokens too; most other servers
 * read {@code max_tokens}.
 */
public enum MaxTokensField {
    /** {@code max_completion_tokens} for model names starting o1/o3/o4/gpt-5, else {@code max_tokens}. */
    AUTO,
    MAX_TOKENS,
    MAX_COMPLETION_TOKENS;

    private static final Pattern REASONING = Pattern.compile("(?i)(o[1-9]|gpt-5)");

    /** The field name for {@code upstreamModel}. */
    public String fieldFor(String upstreamModel) {
        return switch (this) {
            case MAX_TOKENS -> "max_tokens";
            case MAX_COMPLETION_TOKENS -> "max_completion_tokens";
            case AUTO -> REASONING.matcher(upstreamModel).lookingAt() ? "max_completion_tokens" : "max_tokens";
        };
    }
}
