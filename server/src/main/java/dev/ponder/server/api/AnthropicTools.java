package dev.ponder.server.api;

import static dev.ponder.server.api.Fields.kind;
import static dev.ponder.server.api.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.server.json.JsonMappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's {@code tools} and {@code tool_choice} in OpenAI's shape, which every upstream of the proxy reads (the
 * Anthropic backend maps them back): a custom tool {@code {name, description, input_schema}} is a function
 * {@code {name, description, parameters}}. Server tools (web search, code execution, bash, the text editor) run on
 * Anthropic's servers, which Ponder is not, so they are refused.
 */
final class AnthropicTools {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    private AnthropicTools() {}

    /** Reads {@code tools} and {@code tool_choice} into {@code extra}; true when the request offers tools. */
    static boolean read(JsonNode body, Map<String, Object> extra) {
        JsonNode tools = body.get("tools");
        List<Object> functions = new ArrayList<>();
        if (tools != null && !tools.isNull()) {
            if (!tools.isArray()) throw ApiFailure.field("tools", "tools must be an array of {name, description, input_schema}, was " + kind(tools));
            for (int i = 0; i < tools.size(); i++) functions.add(function(tools.get(i), "tools[" + i + "]"));
        }
        if (!functions.isEmpty()) extra.put("tools", functions);
        JsonNode choice = body.get("tool_choice");
        if (choice != null && !choice.isNull() && !functions.isEmpty()) choice(choice, extra); // without tools it chooses nothing
        return !functions.isEmpty();
    }

    private static Object function(JsonNode t, String at) {
        if (!t.isObject()) throw ApiFailure.field(at, at + " must be an object {name, description, input_schema}, was " + kind(t));
        String type = text(t, "type", false, at + ".type").orElse("custom");
        if (!type.equals("custom")) {
            throw ApiFailure.field(at + ".type", at + ".type \"" + type + "\" is a server tool that Anthropic's servers run; Ponder's upstreams"
                    + " run only custom tools {name, description, input_schema}");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", text(t, "name", true, at + ".name").orElseThrow());
        text(t, "description", false, at + ".description").ifPresent(d -> f.put("description", d));
        JsonNode schema = t.get("input_schema");
        if (schema == null || !schema.isObject()) {
            throw ApiFailure.field(at + ".input_schema", at + ".input_schema is required: a JSON schema object such as {\"type\": \"object\"}, was " + kind(schema));
        }
        f.put("parameters", JSON.convertValue(schema, Object.class));
        return Map.of("type", "function", "function", f);
    }

    private static void choice(JsonNode c, Map<String, Object> extra) {
        if (!c.isObject()) throw ApiFailure.field("tool_choice", "tool_choice must be an object {type: auto|any|tool|none}, was " + kind(c));
        String type = text(c, "type", true, "tool_choice.type").orElseThrow();
        switch (type) {
            case "auto" -> extra.put("tool_choice", "auto");
            case "any" -> extra.put("tool_choice", "required");
            case "none" -> extra.put("tool_choice", "none");
            case "tool" -> extra.put("tool_choice", Map.of("type", "function", "function", Map.of("name", text(c, "name", true, "tool_choice.name").orElseThrow())));
            default -> throw ApiFailure.field("tool_choice.type", "tool_choice.type must be auto, any, tool or none, was \"" + type + "\"");
        }
        if (Fields.bool(c, "disable_parallel_tool_use", "tool_choice.disable_parallel_tool_use").orElse(false)) extra.put("parallel_tool_calls", false);
    }
}
