package dev.ponder.server.api;

import static dev.ponder.server.api.Fields.kind;
import static dev.ponder.server.api.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Anthropic's {@code system} and {@code messages} read into Ponder's messages (OpenAI's roles): text blocks joined; an
 * assistant's {@code tool_use} blocks its tool calls (input written out as JSON); a user's {@code tool_result} blocks
 * tool messages answering the call they name, before the user's own text; thinking blocks sent back dropped (Ponder's
 * upstreams think afresh). Images and documents are refused: no strategy can read them, and Anthropic's body does not go
 * to an upstream as written.
 */
final class AnthropicTurns {
    private static final Set<String> ROLES = Set.of("user", "assistant");

    private AnthropicTurns() {}

    /** {@code system}: a string or an array of text blocks; empty when absent. */
    static List<Message> system(JsonNode s) {
        if (s == null || s.isNull()) return List.of();
        String text = s.isTextual() ? s.asText() : texts(s, "system", false);
        return text.isEmpty() ? List.of() : List.of(Message.system(text));
    }

    static List<Message> messages(JsonNode m) {
        if (m == null || m.isNull()) throw ApiFailure.field("messages", "messages is required: a non-empty array of {role, content}");
        if (!m.isArray()) throw ApiFailure.field("messages", "messages must be an array, was " + kind(m));
        if (m.isEmpty()) throw ApiFailure.field("messages", "messages must not be empty");
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
            String at = "messages[" + i + "]";
            JsonNode x = m.get(i);
            if (!x.isObject()) throw ApiFailure.field(at, at + " must be an object {role, content}, was " + kind(x));
            String role = text(x, "role", true, at + ".role").orElseThrow();
            if (!ROLES.contains(role)) throw ApiFailure.field(at + ".role", at + ".role must be user or assistant, was \"" + role + "\"");
            JsonNode c = x.get("content");
            if (c == null || c.isNull()) throw ApiFailure.field(at + ".content", at + ".content is required");
            if (c.isTextual()) out.add(new Message(role, c.asText()));
            else if (role.equals("assistant")) out.add(assistant(c, at + ".content"));
            else out.addAll(user(c, at + ".content"));
        }
        return out;
    }

    private static Message assistant(JsonNode c, String at) {
        requireArray(c, at);
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            String b = at + "[" + i + "]";
            JsonNode block = block(c.get(i), b);
            switch (text(block, "type", true, b + ".type").orElseThrow()) {
                case "text" -> text.append(text(block, "text", true, b + ".text").orElseThrow());
                case "tool_use" -> {
                    JsonNode input = block.get("input");
                    if (input != null && !input.isNull() && !input.isObject()) throw ApiFailure.field(b + ".input", b + ".input must be an object, was " + kind(input));
                    calls.add(new ToolCall(text(block, "id", true, b + ".id").orElseThrow(), text(block, "name", true, b + ".name").orElseThrow(),
                            input == null || input.isNull() ? "{}" : input.toString()));
                }
                case "thinking", "redacted_thinking" -> { }
                default -> throw refused(block, b, "an assistant turn's blocks: text, tool_use, thinking");
            }
        }
        return Message.assistant(text.toString(), calls);
    }

    /** A user turn: its tool results first (each a tool message), then its text, if any. */
    private static List<Message> user(JsonNode c, String at) {
        requireArray(c, at);
        List<Message> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            String b = at + "[" + i + "]";
            JsonNode block = block(c.get(i), b);
            switch (text(block, "type", true, b + ".type").orElseThrow()) {
                case "text" -> text.append(text(block, "text", true, b + ".text").orElseThrow());
                case "tool_result" -> {
                    String id = text(block, "tool_use_id", true, b + ".tool_use_id").orElseThrow();
                    JsonNode r = block.get("content");
                    String result = r == null || r.isNull() ? "" : r.isTextual() ? r.asText() : texts(r, b + ".content", true);
                    boolean error = Fields.bool(block, "is_error", b + ".is_error").orElse(false);
                    out.add(Message.tool(id, error ? "Error: " + result : result));
                }
                default -> throw refused(block, b, "a user turn's blocks: text, tool_result");
            }
        }
        if (!text.isEmpty() || out.isEmpty()) out.add(Message.user(text.toString()));
        return out;
    }

    /** The text of an array of text blocks ({@code system}, a tool result's content). */
    private static String texts(JsonNode c, String at, boolean toolResult) {
        requireArray(c, at);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            String b = at + "[" + i + "]";
            JsonNode block = block(c.get(i), b);
            if (!text(block, "type", true, b + ".type").orElseThrow().equals("text")) {
                throw refused(block, b, toolResult ? "a tool result's blocks: text" : "system blocks: text");
            }
            out.append(out.isEmpty() ? "" : "\n").append(text(block, "text", true, b + ".text").orElseThrow());
        }
        return out.toString();
    }

    private static void requireArray(JsonNode c, String at) {
        if (!c.isArray()) throw ApiFailure.field(at, at + " must be a string or an array of content blocks, was " + kind(c));
    }

    private static JsonNode block(JsonNode b, String at) {
        if (!b.isObject()) throw ApiFailure.field(at, at + " must be a content block {type, ...}, was " + kind(b));
        return b;
    }

    private static ApiFailure refused(JsonNode block, String at, String known) {
        String type = block.path("type").asText();
        String why = Set.of("image", "document", "search_result", "container_upload").contains(type)
                ? " blocks are not supported: Ponder's strategies read text, so send the " + type + "'s content as text"
                : " is not a block Ponder reads here";
        return ApiFailure.field(at + ".type", at + ".type \"" + type + "\"" + why + " (known: " + known + ")");
    }
}
