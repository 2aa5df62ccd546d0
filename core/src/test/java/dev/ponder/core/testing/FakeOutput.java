package dev.ponder.core.testing;

import dev.ponder.core.model.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * What the fake model would write for one choice if nothing stopped it: reasoning (sent as {@code reasoning_content},
 * or as a thinking block by the Messages endpoint), answer content, and the tool calls it makes. The server then applies
 * {@code stop} and {@code max_tokens}. The completions endpoint returns {@code content} only.
 */
public record FakeOutput(String reasoning, String content, List<ToolCall> calls) {
    public FakeOutput {
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(content, "content");
        calls = List.copyOf(calls);
    }

    public FakeOutput(String reasoning, String content) { this(reasoning, content, List.of()); }

    public static FakeOutput text(String content) { return new FakeOutput("", content); }

    /** Thinking in the separate {@code reasoning_content} field, as DeepSeek and servers with a reasoning parser do. */
    public static FakeOutput thinking(String reasoning, String content) { return new FakeOutput(reasoning, content); }

    /** Thinking inline in the content, {@code <think>reasoning</think>content}, as a server without a parser returns it. */
    public static FakeOutput inlineThinking(String reasoning, String content) {
        return new FakeOutput("", "<think>" + reasoning + "</think>" + content);
    }

    /** A call of {@code name} with these arguments (JSON text), and no text; its id is {@code call_<name>_<arguments' hash>}. */
    public static FakeOutput call(String name, String arguments) { return calls(new ToolCall(id(name, arguments), name, arguments)); }

    /** Calls made in one turn, with no text. */
    public static FakeOutput calls(ToolCall... calls) { return new FakeOutput("", "", List.of(calls)); }

    /** The same output with some text before its calls. */
    public FakeOutput withText(String text) { return new FakeOutput(reasoning, text, calls); }

    private static String id(String name, String arguments) { return "call_" + name + "_" + Integer.toHexString(arguments.hashCode()); }
}
