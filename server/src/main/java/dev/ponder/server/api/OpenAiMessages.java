package dev.ponder.server.api;

import static dev.ponder.server.api.Fields.kind;
import static dev.ponder.server.api.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI's chat messages and tool definitions read into Ponder's terms: text (or text parts), an assistant's
 * {@code tool_calls}, a tool's result with its {@code tool_call_id}. What marks the body for the upstream is noted in a
 * {@link Reading}: tools and tool turns (which strategies can also run), and the first part only an upstream can read
 * (images and other non-text parts, legacy functions, tools that are not functions).
 */
final class OpenAiMessages {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

    private OpenAiMessages() {}

    /** What reading a body found besides its values. */
    static final class Reading {
        boolean raw;
        Optional<String> opaque = Optional.empty();

        /** A part at {@code at} that only the upstream can read. */
        void opaque(String at) {
            raw = true;
            if (opaque.isEmpty()) opaque = Optional.of(at);
        }
    }

    static List<Message> parse(JsonNode m, Reading r) {
        if (m == null || m.isNull()) throw ApiFailure.field("messages", "messages is required: a non-empty array of {role, content}");
        if (!m.isArray()) throw ApiFailure.field("messages", "messages must be an array, was " + kind(m));
        if (m.isEmpty()) throw ApiFailure.field("messages", "messages must not be empty");
        List<Message> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) out.add(message(m.get(i), "messages[" + i + "]", r));
        return out;
    }

    private static Message message(JsonNode x, String at, Reading r) {
        if (!x.isObject()) throw ApiFailure.field(at, at + " must be an object with role and content, was " + kind(x));
        String role = text(x, "role", true, at + ".role").orElseThrow();
        if (role.equals("tool")) {
            r.raw = true;
            String id = text(x, "tool_call_id", true, at + ".tool_call_id").orElseThrow();
            return Message.tool(id, content(x.get("content"), at + ".content", true, r));
        }
        if (role.equals("function")) {
            r.opaque(at + ".role");
            return new Message(role, content(x.get("content"), at + ".content", true, r));
        }
        if (!ROLES.contains(role)) throw ApiFailure.field(at + ".role", at + ".role must be one of " + ROLES + ", tool, was \"" + role + "\"");
        JsonNode fc = x.get("function_call");
        if (fc != null && !fc.isNull()) r.opaque(at + ".function_call");
        List<ToolCall> calls = role.equals("assistant") ? calls(x.get("tool_calls"), at + ".tool_calls", r) : List.of();
        return new Message(role, content(x.get("content"), at + ".content", role.equals("assistant"), r), calls, Optional.empty());
    }

    private static List<ToolCall> calls(JsonNode c, String at, Reading r) {
        if (c == null || c.isNull()) return List.of();
        if (!c.isArray()) throw ApiFailure.field(at, at + " must be an array of {id, type, function: {name, arguments}}, was " + kind(c));
        r.raw = true;
        List<ToolCall> out = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            String ci = at + "[" + i + "]";
            JsonNode call = c.get(i);
            if (!call.isObject()) throw ApiFailure.field(ci, ci + " must be an object {id, type, function}, was " + kind(call));
            if (!call.path("type").asText("function").equals("function")) r.opaque(ci + ".type");
            JsonNode f = call.path("function");
            if (!f.isObject()) {
                r.opaque(ci + ".function");
                continue;
            }
            String name = text(f, "name", true, ci + ".function.name").orElseThrow();
            JsonNode args = f.get("arguments");
            String arguments = args == null || args.isNull() ? "" : args.isTextual() ? args.asText() : args.toString();
            out.add(new ToolCall(text(call, "id", false, ci + ".id").orElse(""), name, arguments));
        }
        return out;
    }

    private static String content(JsonNode c, String at, boolean mayBeEmpty, Reading r) {
        if (c == null || c.isNull()) {
            if (mayBeEmpty) return "";
            throw ApiFailure.field(at, at + " is required");
        }
        if (c.isTextual()) return c.asText();
        if (!c.isArray()) throw ApiFailure.field(at, at + " must be a string or an array of text parts, was " + kind(c));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            JsonNode part = c.get(i);
            String p = at + "[" + i + "]";
            if (!part.isObject()) throw ApiFailure.field(p, p + " must be an object {type, text}, was " + kind(part));
            String type = text(part, "type", true, p + ".type").orElseThrow();
            if (!type.equals("text")) {
                r.opaque(p); // images, audio, files: only the upstream can read them
                continue;
            }
            sb.append(text(part, "text", true, p + ".text").orElseThrow());
        }
        return sb.toString();
    }

    /** {@code tools}: an array of {type: function, function: {name, ...}}; another kind of tool only the upstream can run. */
    static void tools(JsonNode v, Reading r) {
        if (!v.isArray()) throw ApiFailure.field("tools", "tools must be an array, was " + kind(v));
        for (int i = 0; i < v.size(); i++) {
            String at = "tools[" + i + "]";
            JsonNode t = v.get(i);
            if (!t.isObject()) throw ApiFailure.field(at, at + " must be an object {type: function, function: {name, parameters}}, was " + kind(t));
            if (!t.path("type").asText("function").equals("function")) {
                r.opaque(at + ".type");
                continue;
            }
            JsonNode f = t.get("function");
            if (f == null || !f.isObject()) throw ApiFailure.field(at + ".function", at + ".function must be an object {name, parameters}, was " + kind(f));
            text(f, "name", true, at + ".function.name");
        }
    }
}
