package dev.ponder.core.testing;

import java.util.Objects;

/**
 * What the fake model would write for one choice if nothing stopped it: reasoning (sent as {@code reasoning_content})
 * and answer content. The server then applies {@code stop} and {@code max_tokens}. The completions endpoint returns
 * {@code content} only.
 */
public record FakeOutput(String reasoning, String content) {
    public FakeOutput {
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(content, "content");
    }

    public static FakeOutput text(String content) { return new FakeOutput("", content); }

    /** Thinking in the separate {@code reasoning_content} field, as DeepSeek and servers with a reasoning parser do. */
    public static FakeOutput thinking(String reasoning, String content) { return new FakeOutput(reasoning, content); }

    /** Thinking inline in the content, {@code <think>reasoning</think>content}, as a server without a parser returns it. */
    public static FakeOutput inlineThinking(String reasoning, String content) {
        return new FakeOutput("", "<think>" + reasoning + "</think>" + content);
    }
}
