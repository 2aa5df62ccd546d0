package dev.ponder.core.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.protocol.Bodies;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generation request as a Messages API body, for one sample (the API has no n). System and developer messages become
 * {@code system}; turns become content blocks: an assistant's tool calls {@code tool_use} blocks, tool results
 * {@code tool_result} blocks of the user turn that follows (turns of one role in a row are merged, as the API does).
 * {@code max_tokens}, which the API requires, is the request's cap, else one in its extra fields, else the configured
 * default. Extra fields in OpenAI's names take Anthropic's: {@code stop} is {@code stop_sequences}, {@code user}
 * {@code metadata.user_id}, function {@code tools} get an {@code input_schema}, {@code tool_choice}
 * auto/none/required/a function is {type: auto/none/any/tool}, {@code parallel_tool_calls: false} sets
 * {@code disable_parallel_tool_use}, {@code reasoning_effort} low/medium/high is a thinking budget of 1024/4096/16384
 * tokens (minimal: none). Anthropic's own fields pass through. OpenAI sampling fields with no counterpart are dropped at
 * their neutral value and refused otherwise. With thinking on, a budget under the API's minimum of 1024 is raised to
 * it, and a {@code max_tokens} not above the budget is read as the answer's share and the budget added to it.
 */
final class MessagesBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MIN_THINKING = 1024;
    private static final Map<String, Integer> EFFORT = Map.of("low", 1024, "medium", 4096, "high", 16384);
    private static final Map<String, Object> NEUTRAL = Map.of("frequency_penalty", 0.0, "presence_penalty", 0.0, "logprobs", false,
            "top_logprobs", 0.0, "n", 1.0, "repetition_penalty", 1.0, "min_p", 0.0);

    private MessagesBody() { }

    static ObjectNode of(AnthropicConfig c, String upstream, GenerationRequest r, boolean stream) {
        ObjectNode b = JSON.createObjectNode().put("model", upstream);
        int cap = Bodies.cap(r.maxTokens(), r.extra(), c.connection().extraBody()).orElse(c.connection().defaultMaxTokens());
        turns(b, r);
        Map<String, Object> extra = new LinkedHashMap<>(c.connection().extraBody());
        extra.putAll(r.extra());
        Object choice = null;
        boolean serial = false;
        for (var e : extra.entrySet()) {
            Object v = e.getValue();
            if (v == null) continue;
            switch (e.getKey()) {
                case "max_tokens", "max_completion_tokens", "model", "messages", "stream", "system" -> { }
                case "stop" -> b.set("stop_sequences", v instanceof String s ? JSON.createArrayNode().add(s) : JSON.valueToTree(v));
                case "user" -> object(b, "metadata").put("user_id", String.valueOf(v));
                case "metadata" -> object(b, "metadata").setAll((ObjectNode) JSON.valueToTree(v));
                case "tools" -> b.set("tools", tools(JSON.valueToTree(v)));
                case "tool_choice" -> choice = v;
                case "parallel_tool_calls" -> serial = Boolean.FALSE.equals(v);
                case "reasoning_effort" -> effort(b, String.valueOf(v));
                default -> passOrDrop(b, e.getKey(), v);
            }
        }
        toolChoice(b, choice, serial);
        b.put("max_tokens", thinking(b, cap));
        if (stream) b.put("stream", true);
        return b;
    }

    private static void turns(ObjectNode b, GenerationRequest r) {
        StringBuilder system = new StringBuilder();
        ArrayNode turns = b.putArray("messages");
        for (Message m : r.messages()) {
            ArrayNode blocks = JSON.createArrayNode();
            String role = m.role().equals("assistant") ? "assistant" : "user";
            switch (m.role()) {
                case "system", "developer" -> {
                    system.append(system.isEmpty() ? "" : "\n\n").append(m.content());
                    continue;
                }
                case "tool" -> blocks.addObject().put("type", "tool_result").put("tool_use_id", m.toolCallId().orElse("")).put("content", m.content());
                case "assistant" -> {
                    if (!m.content().isBlank()) blocks.addObject().put("type", "text").put("text", m.content());
                    for (ToolCall call : m.toolCalls()) {
                        blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name()).set("input", input(call));
                    }
                }
                default -> blocks.addObject().put("type", "text").put("text", m.content());
            }
            if (blocks.isEmpty()) continue;
            JsonNode last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.path("role").asText().equals(role)) ((ArrayNode) last.get("content")).addAll(blocks);
            else turns.addObject().put("role", role).set("content", blocks);
        }
        if (!system.isEmpty()) b.put("system", system.toString());
    }

    private static JsonNode input(ToolCall call) {
        if (call.arguments().isBlank()) return JSON.createObjectNode();
        try {
            JsonNode n = JSON.readTree(call.arguments());
            if (n != null && n.isObject()) return n;
        } catch (IOException e) {
            // refused below
        }
        throw PonderException.invalid("tool call %s (%s): Anthropic takes a call's input as a JSON object, and its arguments are %s",
                call.id(), call.name(), call.arguments().length() > 80 ? call.arguments().substring(0, 80) + "..." : call.arguments());
    }

    /** OpenAI's function definitions as Anthropic tools; a tool already in Anthropic's shape passes as it is. */
    private static ArrayNode tools(JsonNode given) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode t : given) {
            JsonNode f = t.path("function");
            if (!t.path("type").asText().equals("function") || !f.isObject()) {
                out.add(t);
                continue;
            }
            ObjectNode x = out.addObject().put("name", f.path("name").asText(""));
            if (f.path("description").isTextual()) x.put("description", f.path("description").asText());
            x.set("input_schema", f.path("parameters").isObject() ? f.get("parameters") : JSON.createObjectNode().put("type", "object"));
        }
        return out;
    }

    private static void toolChoice(ObjectNode b, Object given, boolean serial) {
        if (given == null && !serial) return;
        JsonNode g = given == null ? JSON.getNodeFactory().textNode("auto") : JSON.valueToTree(given);
        ObjectNode choice = JSON.createObjectNode();
        if (g.isTextual()) {
            choice.put("type", switch (g.asText()) {
                case "required" -> "any";
                case "auto", "none", "any" -> g.asText();
                default -> throw PonderException.invalid("tool_choice must be auto, none, required or a function, was \"%s\"", g.asText());
            });
        } else if (g.path("type").asText().equals("function")) {
            choice.put("type", "tool").put("name", g.path("function").path("name").asText(""));
        } else if (g.isObject()) {
            choice.setAll((ObjectNode) g);
        }
        if (serial && !choice.path("type").asText().equals("none")) choice.put("disable_parallel_tool_use", true);
        b.set("tool_choice", choice);
    }

    private static void effort(ObjectNode b, String effort) {
        if (b.has("thinking") || effort.equals("minimal") || effort.equals("none")) return;
        Integer budget = EFFORT.get(effort);
        if (budget == null) throw PonderException.invalid("reasoning_effort must be minimal, low, medium or high, was \"%s\"", effort);
        b.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
    }

    /** The {@code max_tokens} to send: {@code cap}, or with thinking on and a cap not above the budget, the budget plus the cap. */
    private static int thinking(ObjectNode b, int cap) {
        JsonNode t = b.path("thinking");
        if (!t.path("type").asText().equals("enabled") || !t.path("budget_tokens").canConvertToInt()) return cap;
        int budget = Math.max(MIN_THINKING, t.path("budget_tokens").asInt());
        ((ObjectNode) t).put("budget_tokens", budget);
        return cap > budget ? cap : budget + cap;
    }

    private static ObjectNode object(ObjectNode b, String field) {
        return b.get(field) instanceof ObjectNode o ? o : b.putObject(field);
    }

    private static void passOrDrop(ObjectNode b, String field, Object v) {
        Object neutral = NEUTRAL.get(field);
        if (neutral == null) {
            b.set(field, JSON.valueToTree(v));
            return;
        }
        boolean isNeutral = neutral instanceof Boolean ? neutral.equals(v) : v instanceof Number x && x.doubleValue() == (Double) neutral;
        if (!isNeutral) throw PonderException.invalid("%s has no counterpart in Anthropic's Messages API (was %s); leave it out for a Claude model", field, v);
    }
}
