package dev.ponder.core.backend.openai;

import java.util.Objects;

/**
 * Delimiters of inline thinking in the message text, for servers that return a reasoning model's thoughts inside the
 * content (no reasoning parser): with {@code <think>} / {@code </think>} set, the backend moves the text between them
 * to {@code Generation.reasoning}, streamed or not.
 */
public record ThinkTags(String open, String close) {
    public static final ThinkTags THINK = new ThinkTags("<think>", "</think>");

    public ThinkTags {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (open.isEmpty() || close.isEmpty()) throw new IllegalArgumentException("think tags must not be empty, were '" + open + "' and '" + close + "'");
    }
}
