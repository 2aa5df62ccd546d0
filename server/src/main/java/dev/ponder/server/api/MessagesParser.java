package dev.ponder.server.api;

import static dev.ponder.server.api.Fields.integer;
import static dev.ponder.server.api.Fields.kind;
import static dev.ponder.server.api.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.protocol.ChatMessages;
import dev.ponder.core.model.Message;
import dev.ponder.server.json.JsonMappers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an Anthropic Messages body ({@code POST /v1/messages}) field by field, every refusal a 400 naming the field, and
 * reads it into the one {@link ChatRequest} every dialect shares, in OpenAI's terms: {@code max_tokens} (required) the
 * cap, {@code stop_sequences} {@code stop}, {@code metadata.user_id} {@code user}, custom tools functions with their
 * {@code input_schema} as parameters, {@code tool_choice} auto/any/tool/none as auto/required/a function/none (and
 * {@code disable_parallel_tool_use} as {@code parallel_tool_calls: false}), {@code thinking.budget_tokens} a thinking
 * budget (see {@link ChatRequest}). One choice; usage always counted. With tools or tool turns the OpenAI body is kept to
 * relay as written, so {@code single} on an OpenAI-compatible upstream hands back the upstream's calls unchanged.
 */
public final class MessagesParser {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    /** Fields Anthropic's API takes that change nothing a Ponder upstream does. */
    private static final Set<String> IGNORED = Set.of("service_tier", "context_management", "container");
    private static final Set<String> KNOWN = Set.of("model", "messages", "system", "max_tokens", "stream", "stop_sequences", "temperature",
            "top_p", "top_k", "metadata", "thinking", "tools", "tool_choice", "ponder");

    private MessagesParser() {}

    public static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiFailure.field("body", "the request body must be a JSON object, was " + kind(body));
        for (var e : body.properties()) {
            if (!KNOWN.contains(e.getKey()) && !IGNORED.contains(e.getKey())) {
                throw ApiFailure.field(e.getKey(), "unknown field " + e.getKey() + "; a Messages request takes " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
        String model = text(body, "model", true, "model").orElseThrow();
        if (model.isBlank()) throw ApiFailure.field("model", "model must not be blank");
        List<Message> messages = new ArrayList<>(AnthropicTurns.system(body.get("system")));
        messages.addAll(AnthropicTurns.messages(body.get("messages")));
        int maxTokens = integer(body, "max_tokens", 1, Integer.MAX_VALUE, "max_tokens")
                .orElseThrow(() -> ApiFailure.field("max_tokens", "max_tokens is required: the most tokens to generate, e.g. 1024"));
        boolean stream = Fields.bool(body, "stream", "stream").orElse(false);
        Map<String, Object> extra = new LinkedHashMap<>();
        sampling(body, extra);
        boolean tools = AnthropicTools.read(body, extra);
        Fields.Ponder ponder = Fields.ponder(body);
        Optional<Integer> thinking = thinking(body.get("thinking"), maxTokens);
        ObjectNode sent = JSON.createObjectNode().put("model", model);
        sent.set("messages", ChatMessages.of(messages));
        sent.put("max_tokens", maxTokens);
        if (stream) sent.put("stream", true);
        extra.forEach((k, v) -> sent.set(k, JSON.valueToTree(v)));
        boolean toolTurns = messages.stream().anyMatch(m -> !m.toolCalls().isEmpty() || m.toolCallId().isPresent());
        return new ChatRequest(model, messages, 1, stream, true, Optional.of(maxTokens), Optional.empty(), ponder.strategy(), ponder.budget(),
                extra, tools || toolTurns ? Optional.of(sent) : Optional.empty(), sent, Operation.CHAT, RequestOptions.checking(body.get("ponder")),
                Storing.NO, Optional.empty(), thinking);
    }

    /**
     * {@code POST /v1/messages/count_tokens}: the body checked as a Messages request ({@code max_tokens} not needed), and
     * {@code {"input_tokens": N}}, Ponder's estimate of a quarter of a token a character of the messages, system and tools
     * (no tokenizer of the upstream's model is at hand).
     */
    public static ObjectNode countTokens(JsonNode body) {
        if (body != null && body.isObject() && !body.has("max_tokens")) {
            body = ((ObjectNode) body).deepCopy().put("max_tokens", Integer.MAX_VALUE);
        }
        ChatRequest r = parse(body);
        long chars = 0;
        for (Message m : r.messages()) {
            chars += m.content().length();
            for (var c : m.toolCalls()) chars += c.name().length() + c.arguments().length();
        }
        Object tools = r.extra().get("tools");
        if (tools != null) chars += JSON.valueToTree(tools).toString().length();
        return JSON.createObjectNode().put("input_tokens", (chars + 3) / 4);
    }

    private static void sampling(JsonNode body, Map<String, Object> extra) {
        Fields.number(body, "temperature", "temperature").ifPresent(t -> {
            if (t < 0 || t > 1) throw ApiFailure.field("temperature", "temperature must be in 0..1, was " + t);
            extra.put("temperature", t);
        });
        Fields.number(body, "top_p", "top_p").ifPresent(p -> {
            if (p < 0 || p > 1) throw ApiFailure.field("top_p", "top_p must be in 0..1, was " + p);
            extra.put("top_p", p);
        });
        integer(body, "top_k", 1, Integer.MAX_VALUE, "top_k").ifPresent(k -> extra.put("top_k", k));
        JsonNode stops = body.get("stop_sequences");
        if (stops != null && !stops.isNull()) {
            if (!stops.isArray()) throw ApiFailure.field("stop_sequences", "stop_sequences must be an array of strings, was " + kind(stops));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < stops.size(); i++) {
                if (!stops.get(i).isTextual()) throw ApiFailure.field("stop_sequences[" + i + "]", "stop_sequences[" + i + "] must be a string, was " + kind(stops.get(i)));
                out.add(stops.get(i).asText());
            }
            if (!out.isEmpty()) extra.put("stop", out);
        }
        JsonNode meta = body.get("metadata");
        if (meta != null && !meta.isNull()) {
            if (!meta.isObject()) throw ApiFailure.field("metadata", "metadata must be an object {user_id}, was " + kind(meta));
            text(meta, "user_id", false, "metadata.user_id").ifPresent(u -> extra.put("user", u));
        }
    }

    /** {@code thinking}: enabled with a budget of at least 1024 tokens, below max_tokens; disabled and adaptive ask for none. */
    private static Optional<Integer> thinking(JsonNode t, int maxTokens) {
        if (t == null || t.isNull()) return Optional.empty();
        if (!t.isObject()) throw ApiFailure.field("thinking", "thinking must be an object {type: enabled, budget_tokens}, was " + kind(t));
        String type = text(t, "type", true, "thinking.type").orElseThrow();
        return switch (type) {
            case "disabled", "adaptive" -> Optional.empty();
            case "enabled" -> {
                int budget = integer(t, "budget_tokens", 1024, Integer.MAX_VALUE, "thinking.budget_tokens")
                        .orElseThrow(() -> ApiFailure.field("thinking.budget_tokens", "thinking.budget_tokens is required when thinking is enabled (at least 1024)"));
                if (budget >= maxTokens) {
                    throw ApiFailure.field("thinking.budget_tokens", "thinking.budget_tokens must be less than max_tokens (" + maxTokens + "), was " + budget);
                }
                yield Optional.of(budget);
            }
            default -> throw ApiFailure.field("thinking.type", "thinking.type must be enabled, disabled or adaptive, was \"" + type + "\"");
        };
    }
}
