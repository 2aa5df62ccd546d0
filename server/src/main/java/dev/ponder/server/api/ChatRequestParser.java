package dev.ponder.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a chat-completions body field by field; every refusal is a 400 naming the field ({@code messages[2].content}).
 * Known sampling fields are type-checked and passed through; a body with tools, tool messages or non-text parts is
 * marked for pass-through to the upstream as sent.
 */
public final class ChatRequestParser {
    private static final ObjectMapper JSON = dev.ponder.server.json.JsonMappers.mapper();
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");
    private static final Set<String> HANDLED = Set.of("model", "messages", "n", "stream", "stream_options", "max_tokens",
            "max_completion_tokens", "seed", "ponder", "store", "metadata");
    private static final Set<String> PASSED = Set.of("tools", "tool_choice", "functions", "function_call",
            "parallel_tool_calls", "audio", "modalities", "prediction");
    private static final List<String> PONDER_FIELDS = List.of("strategy", "budget", "checker", "reference", "tests");
    private static final Set<String> NUMBERS = Set.of("temperature", "top_p", "presence_penalty", "frequency_penalty", "top_k", "min_p",
            "repetition_penalty");

    private ChatRequestParser() {}

    public static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiFailure.field("body", "the request body must be a JSON object, was " + kind(body));
        boolean[] raw = {false};
        String model = text(body, "model", true).orElseThrow();
        if (model.isBlank()) throw ApiFailure.field("model", "model must not be blank");
        List<Message> messages = messages(body.get("messages"), raw);
        int n = integer(body, "n", 1, ChatRequest.MAX_N).orElse(1);
        boolean stream = bool(body, "stream").orElse(false);
        boolean includeUsage = false;
        JsonNode so = body.get("stream_options");
        if (so != null && !so.isNull()) {
            if (!so.isObject()) throw ApiFailure.field("stream_options", "stream_options must be an object, was " + kind(so));
            if (!stream) throw ApiFailure.field("stream_options", "stream_options is only allowed when stream is true");
            includeUsage = bool(so, "include_usage", "stream_options.include_usage").orElse(false);
        }
        Optional<Integer> maxTokens = integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE)
                .or(() -> integer(body, "max_tokens", 1, Integer.MAX_VALUE));
        Optional<Long> seed = Optional.ofNullable(body.get("seed")).filter(s -> !s.isNull()).map(s -> {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) throw ApiFailure.field("seed", "seed must be an integer, was " + kind(s));
            return s.asLong();
        });
        Optional<String> strategy = Optional.empty();
        Budget budget = Budget.UNLIMITED;
        JsonNode ponder = body.get("ponder");
        if (ponder != null && !ponder.isNull()) {
            if (!ponder.isObject()) throw ApiFailure.field("ponder", "ponder must be an object such as {\"strategy\": \"vote@8\"}, was " + kind(ponder));
            for (var e : ponder.properties()) {
                if (!PONDER_FIELDS.contains(e.getKey())) {
                    throw ApiFailure.field("ponder." + e.getKey(), "unknown field ponder." + e.getKey() + "; known: " + String.join(", ", PONDER_FIELDS));
                }
            }
            strategy = text(ponder, "strategy", false, "ponder.strategy");
            budget = budget(ponder.get("budget"));
        }
        Map<String, Object> extra = extra(body, raw);
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) body;
        Storing storing = RequestOptions.storing(body);
        com.fasterxml.jackson.databind.node.ObjectNode sent = withoutOwnFields(object);
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> passthrough = raw[0] ? Optional.of(sent) : Optional.empty();
        return new ChatRequest(model, messages, n, stream, includeUsage, maxTokens, seed, strategy, budget, extra, passthrough, sent,
                Operation.CHAT, RequestOptions.checking(ponder), storing);
    }

    /**
     * The body less what the proxy handles itself ({@code ponder}, {@code store}: the proxy keeps stored completions, the
     * upstream need not): what goes upstream. {@code metadata} goes on, as gateways pass it.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode withoutOwnFields(com.fasterxml.jackson.databind.node.ObjectNode body) {
        if (!body.has("ponder") && !body.has("store")) return body;
        var sent = body.deepCopy();
        sent.remove(List.of("ponder", "store"));
        return sent;
    }

    private static List<Message> messages(JsonNode m, boolean[] raw) {
        if (m == null || m.isNull()) throw ApiFailure.field("messages", "messages is required: a non-empty array of {role, content}");
        if (!m.isArray()) throw ApiFailure.field("messages", "messages must be an array, was " + kind(m));
        if (m.isEmpty()) throw ApiFailure.field("messages", "messages must not be empty");
        List<Message> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            String at = "messages[" + i + "]";
            JsonNode x = m.get(i);
            if (!x.isObject()) throw ApiFailure.field(at, at + " must be an object with role and content, was " + kind(x));
            String role = text(x, "role", true, at + ".role").orElseThrow();
            if (role.equals("tool") || role.equals("function") || x.has("tool_calls") || x.has("function_call")) {
                raw[0] = true;
                JsonNode c = x.get("content");
                if (c != null && !c.isNull() && !c.isTextual() && !c.isArray()) {
                    throw ApiFailure.field(at + ".content", at + ".content must be a string, an array of parts or null, was " + kind(c));
                }
                out.add(new Message(role, c != null && c.isTextual() ? c.asText() : ""));
                continue;
            }
            if (!ROLES.contains(role)) throw ApiFailure.field(at + ".role", at + ".role must be one of " + ROLES + ", tool, was \"" + role + "\"");
            out.add(new Message(role, content(x.get("content"), at + ".content", role, raw)));
        }
        return out;
    }

    private static String content(JsonNode c, String at, String role, boolean[] raw) {
        if (c == null || c.isNull()) {
            if (role.equals("assistant")) return "";
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
                raw[0] = true; // images, audio, files: only the upstream can read them
                continue;
            }
            sb.append(text(part, "text", true, p + ".text").orElseThrow());
        }
        return sb.toString();
    }

    private static Budget budget(JsonNode b) {
        if (b == null || b.isNull()) return Budget.UNLIMITED;
        if (!b.isObject()) throw ApiFailure.field("ponder.budget", "ponder.budget must be an object {dollars, tokens, deadline_ms}, was " + kind(b));
        Budget out = Budget.UNLIMITED;
        for (var e : b.properties()) {
            String at = "ponder.budget." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "dollars" -> {
                    if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble()))
                        throw ApiFailure.field(at, at + " must be a number >= 0, was " + v);
                    out = out.withDollars(v.asDouble());
                }
                case "tokens" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0)
                        throw ApiFailure.field(at, at + " must be an integer >= 0, was " + v);
                    out = out.withTokens(v.asLong());
                }
                case "deadline_ms" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1)
                        throw ApiFailure.field(at, at + " must be an integer >= 1, was " + v);
                    out = out.withDeadline(Duration.ofMillis(v.asLong()));
                }
                default -> throw ApiFailure.field(at, "unknown field " + at + "; known: dollars, tokens, deadline_ms");
            }
        }
        return out;
    }

    private static Map<String, Object> extra(JsonNode body, boolean[] raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : body.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (HANDLED.contains(k)) continue;
            if (PASSED.contains(k)) {
                if (v.isNull() || (v.isArray() && v.isEmpty())) continue;
                if (k.equals("tools") && !v.isArray()) throw ApiFailure.field(k, "tools must be an array, was " + kind(v));
                raw[0] = true;
                continue;
            }
            if (NUMBERS.contains(k) && !v.isNull() && !v.isNumber()) throw ApiFailure.field(k, k + " must be a number, was " + kind(v));
            if (k.equals("stop") && !(v.isNull() || v.isTextual() || (v.isArray() && allText(v)))) {
                throw ApiFailure.field(k, "stop must be a string or an array of strings, was " + kind(v));
            }
            if (k.equals("user") && !v.isNull() && !v.isTextual()) throw ApiFailure.field(k, "user must be a string, was " + kind(v));
            if (v.isNull()) continue;
            out.put(k, JSON.convertValue(v, Object.class));
        }
        return out;
    }

    private static boolean allText(JsonNode a) {
        for (JsonNode x : a) if (!x.isTextual()) return false;
        return true;
    }

    private static Optional<String> text(JsonNode o, String field, boolean required) { return text(o, field, required, field); }

    private static Optional<String> text(JsonNode o, String field, boolean required, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiFailure.field(at, at + " is required");
            return Optional.empty();
        }
        if (!v.isTextual()) throw ApiFailure.field(at, at + " must be a string, was " + kind(v));
        return Optional.of(v.asText());
    }

    private static Optional<Integer> integer(JsonNode o, String field, int min, int max) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ApiFailure.field(field, field + " must be an integer, was " + kind(v));
        int x = v.asInt();
        if (x < min || x > max) throw ApiFailure.field(field, field + " must be in " + min + ".." + max + ", was " + x);
        return Optional.of(x);
    }

    private static Optional<Boolean> bool(JsonNode o, String field) { return bool(o, field, field); }

    private static Optional<Boolean> bool(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isBoolean()) throw ApiFailure.field(at, at + " must be true or false, was " + kind(v));
        return Optional.of(v.asBoolean());
    }

    /** "a string \"x\"", "the number 3", "an array": how a wrong value is named in messages. */
    static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "a string";
        if (v.isBoolean()) return "a boolean";
        if (v.isNumber()) return "the number " + v.asText();
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
