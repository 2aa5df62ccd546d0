package dev.ponder.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.ToolCall;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of Anthropic's Messages API: a message (thinking, text and tool_use blocks, stop reason, usage, plus the
 * {@code ponder} field), the blocks a stream opens, and errors {@code {"type": "error", "error": {type, message}}} with
 * Anthropic's error type for each status. A thinking block's signature is Ponder's, not Anthropic's: a client sends it
 * back, and Ponder drops thinking it is sent.
 */
public final class AnthropicJson {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    private AnthropicJson() {}

    /** The message answering an engine run: its first choice. */
    public static ObjectNode message(Outcome o) {
        Outcome.Choice c = o.choices().getFirst();
        ObjectNode m = head("msg_" + o.traceId(), o.model());
        ArrayNode content = m.putArray("content");
        if (!c.reasoning().isEmpty()) content.add(thinking(c.reasoning(), o.traceId()));
        if (!c.text().isEmpty() || c.toolCalls().isEmpty()) content.add(text(c.text()));
        for (ToolCall call : c.toolCalls()) content.add(toolUse(call.id(), call.name(), input(call.arguments())));
        m.put("stop_reason", stopReason(c.finishReason()));
        m.putNull("stop_sequence");
        m.set("usage", usage(o.usage().inputTokens(), o.usage().outputTokens()));
        m.set("ponder", Completions.ponder(o));
        return m;
    }

    /** The message answering a chat completion relayed as the upstream wrote it (its first choice), under {@code id}. */
    public static ObjectNode message(String id, String model, JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        JsonNode msg = choice.path("message");
        ObjectNode m = head("msg_" + id, model);
        ArrayNode content = m.putArray("content");
        String reasoning = msg.path("reasoning_content").asText(msg.path("reasoning").asText(""));
        if (!reasoning.isEmpty()) content.add(thinking(reasoning, id));
        String text = msg.path("content").asText("");
        List<ObjectNode> uses = new ArrayList<>();
        for (JsonNode call : msg.path("tool_calls")) {
            JsonNode f = call.path("function");
            uses.add(toolUse(call.path("id").asText(""), f.path("name").asText(""), input(f.path("arguments").asText(""))));
        }
        if (!text.isEmpty() || uses.isEmpty()) content.add(text(text));
        uses.forEach(content::add);
        m.put("stop_reason", stopReason(choice.path("finish_reason").asText("stop")));
        m.putNull("stop_sequence");
        JsonNode u = completion.path("usage");
        m.set("usage", usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0)));
        if (completion.has("ponder")) m.set("ponder", completion.get("ponder"));
        return m;
    }

    /** A message with no content yet, as {@code message_start} carries it. */
    public static ObjectNode head(String id, String model) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        return m;
    }

    public static ObjectNode thinking(String text, String traceId) {
        return JSON.createObjectNode().put("type", "thinking").put("thinking", text).put("signature", signature(traceId));
    }

    /** Ponder's signature of a thinking block: the request it came from. */
    public static String signature(String traceId) { return "ponder:" + traceId; }

    public static ObjectNode text(String text) { return JSON.createObjectNode().put("type", "text").put("text", text); }

    public static ObjectNode toolUse(String id, String name, ObjectNode input) {
        ObjectNode b = JSON.createObjectNode().put("type", "tool_use").put("id", id).put("name", name);
        b.set("input", input);
        b.putObject("caller").put("type", "direct");
        return b;
    }

    /** A call's arguments as the {@code input} object; arguments that are not a JSON object are kept under {@code arguments}. */
    public static ObjectNode input(String arguments) {
        if (arguments.isBlank()) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(arguments);
            if (n != null && n.isObject()) return (ObjectNode) n;
        } catch (IOException e) {
            // not JSON: kept as written below
        }
        return JSON.createObjectNode().put("arguments", arguments);
    }

    public static ObjectNode usage(long input, long output) {
        return JSON.createObjectNode().put("input_tokens", input).put("output_tokens", output).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0);
    }

    /** An OpenAI finish reason as Anthropic's stop reason. */
    public static String stopReason(String finish) {
        return switch (finish) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    public static ObjectNode error(ApiError e) {
        ObjectNode root = JSON.createObjectNode().put("type", "error");
        root.putObject("error").put("type", errorType(e.status())).put("message", e.message());
        return root;
    }

    /** Anthropic's error type for an HTTP status. */
    public static String errorType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402, 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status < 500 ? "invalid_request_error" : "api_error";
        };
    }
}
