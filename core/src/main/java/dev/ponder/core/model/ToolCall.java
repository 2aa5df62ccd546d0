package dev.ponder.core.model;

import java.util.Objects;

/**
 * A call of one of the request's tools, as a model wrote it: the call's id (the upstream's; what a tool result answers),
 * the function's name, and its arguments as the JSON text the model produced (OpenAI's {@code function.arguments};
 * Anthropic's {@code input}, written out).
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** The same call under another id. */
    public ToolCall withId(String other) { return new ToolCall(other, name, arguments); }
}
