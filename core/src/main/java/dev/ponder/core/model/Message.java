package dev.ponder.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat message. Roles are the OpenAI ones: system, user, assistant, tool. An assistant message may carry the tool
 * calls it made ({@code toolCalls}); a {@code tool} message is the result of the call named by {@code toolCallId}.
 */
public record Message(String role, String content, List<ToolCall> toolCalls, Optional<String> toolCallId) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (role.isBlank()) throw new IllegalArgumentException("message role is blank");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(toolCallId, "toolCallId");
    }

    /** A message of text only. */
    public Message(String role, String content) { this(role, content, List.of(), Optional.empty()); }

    public static Message user(String content) { return new Message("user", content); }

    public static Message system(String content) { return new Message("system", content); }

    public static Message assistant(String content) { return new Message("assistant", content); }

    /** An assistant turn that called tools (its text may be empty). */
    public static Message assistant(String content, List<ToolCall> calls) { return new Message("assistant", content, calls, Optional.empty()); }

    /** The result of the tool call {@code callId}. */
    public static Message tool(String callId, String content) { return new Message("tool", content, List.of(), Optional.of(callId)); }
}
