package dev.ponder.server.api;

import static dev.ponder.server.api.Fields.bool;
import static dev.ponder.server.api.Fields.integer;
import static dev.ponder.server.api.Fields.kind;
import static dev.ponder.server.api.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Message;
import dev.ponder.server.json.JsonMappers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a chat-completions body field by field; every refusal is a 400 naming the field ({@code messages[2].content}).
 * Known sampling fields are type-checked and passed through; tools, tool_choice and parallel_tool_calls are kept for
 * the upstream (and mark the body to be relayed as written by {@code single}); a body with what only an upstream can
 * read (non-text parts, legacy functions) is marked opaque.
 */
public final class ChatRequestParser {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    private static final Set<String> HANDLED = Set.of("model", "messages", "n", "stream", "stream_options", "max_tokens",
            "max_completion_tokens", "seed", "ponder", "store", "metadata");
    private static final Set<String> TOOLS = Set.of("tools", "tool_choice", "parallel_tool_calls");
    private static final Set<String> OPAQUE = Set.of("functions", "function_call", "audio", "modalities", "prediction");
    private static final Set<String> NUMBERS = Set.of("temperature", "top_p", "presence_penalty", "frequency_penalty", "top_k", "min_p",
            "repetition_penalty");

    private ChatRequestParser() {}

    public static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiFailure.field("body", "the request body must be a JSON object, was " + kind(body));
        OpenAiMessages.Reading reading = new OpenAiMessages.Reading();
        String model = text(body, "model", true, "model").orElseThrow();
        if (model.isBlank()) throw ApiFailure.field("model", "model must not be blank");
        List<Message> messages = OpenAiMessages.parse(body.get("messages"), reading);
        int n = integer(body, "n", 1, ChatRequest.MAX_N, "n").orElse(1);
        boolean stream = bool(body, "stream", "stream").orElse(false);
        boolean includeUsage = false;
        JsonNode so = body.get("stream_options");
        if (so != null && !so.isNull()) {
            if (!so.isObject()) throw ApiFailure.field("stream_options", "stream_options must be an object, was " + kind(so));
            if (!stream) throw ApiFailure.field("stream_options", "stream_options is only allowed when stream is true");
            includeUsage = bool(so, "include_usage", "stream_options.include_usage").orElse(false);
        }
        Optional<Integer> maxTokens = integer(body, "max_completion_tokens", 1, Integer.MAX_VALUE, "max_completion_tokens")
                .or(() -> integer(body, "max_tokens", 1, Integer.MAX_VALUE, "max_tokens"));
        Optional<Long> seed = Optional.ofNullable(body.get("seed")).filter(s -> !s.isNull()).map(s -> {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) throw ApiFailure.field("seed", "seed must be an integer, was " + kind(s));
            return s.asLong();
        });
        Fields.Ponder ponder = Fields.ponder(body);
        Map<String, Object> extra = extra(body, reading);
        Storing storing = RequestOptions.storing(body);
        ObjectNode sent = withoutOwnFields((ObjectNode) body);
        return new ChatRequest(model, messages, n, stream, includeUsage, maxTokens, seed, ponder.strategy(), ponder.budget(), extra,
                reading.raw ? Optional.of(sent) : Optional.empty(), sent, Operation.CHAT, RequestOptions.checking(body.get("ponder")), storing,
                reading.opaque, Optional.empty());
    }

    /**
     * The body less what the proxy handles itself ({@code ponder}, {@code store}: the proxy keeps stored completions, the
     * upstream need not): what goes upstream. {@code metadata} goes on, as gateways pass it.
     */
    static ObjectNode withoutOwnFields(ObjectNode body) {
        if (!body.has("ponder") && !body.has("store")) return body;
        var sent = body.deepCopy();
        sent.remove(List.of("ponder", "store"));
        return sent;
    }

    private static Map<String, Object> extra(JsonNode body, OpenAiMessages.Reading reading) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : body.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (HANDLED.contains(k) || v.isNull()) continue;
            if (OPAQUE.contains(k)) {
                if (!(v.isArray() && v.isEmpty())) reading.opaque(k);
                continue;
            }
            if (TOOLS.contains(k)) {
                if (k.equals("tools")) OpenAiMessages.tools(v, reading);
                if (k.equals("tool_choice") && !v.isTextual() && !v.isObject()) throw ApiFailure.field(k, "tool_choice must be a string or an object, was " + kind(v));
                if (k.equals("parallel_tool_calls")) bool(body, k, k);
                if (v.isArray() && v.isEmpty()) continue;
                reading.raw = true;
            }
            if (NUMBERS.contains(k) && !v.isNumber()) throw ApiFailure.field(k, k + " must be a number, was " + kind(v));
            if (k.equals("stop") && !(v.isTextual() || (v.isArray() && allText(v)))) {
                throw ApiFailure.field(k, "stop must be a string or an array of strings, was " + kind(v));
            }
            if (k.equals("user") && !v.isTextual()) throw ApiFailure.field(k, "user must be a string, was " + kind(v));
            out.put(k, JSON.convertValue(v, Object.class));
        }
        return out;
    }

    private static boolean allText(JsonNode a) {
        for (JsonNode x : a) if (!x.isTextual()) return false;
        return true;
    }
}
