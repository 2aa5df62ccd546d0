package dev.ponder.core.model;

import java.util.Objects;

/** One chat message. Roles are the OpenAI ones: system, user, assistant, tool. */
public record Message(String role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (role.isBlank()) throw new IllegalArgumentException("message role is blank");
    }

    public static Message user(String content) { return new Message("user", content); }

    public static Message system(String content) { return new Message("system", content); }

    public static Message assistant(String content) { return new Message("assistant", content); }
}
