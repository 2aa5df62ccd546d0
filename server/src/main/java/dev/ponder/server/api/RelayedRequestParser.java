package dev.ponder.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of the two endpoints relayed as written ({@code POST /v1/completions}, {@code POST /v1/embeddings}): the
 * fields the proxy needs are checked (model; the prompt or input, whose text sizes the reservation; n, stream and the
 * token cap of a completion), everything else goes upstream untouched. Each is read into a {@link ChatRequest} whose
 * one user message is the prompt's or input's text, marked to pass through.
 */
public final class RelayedRequestParser {
    private RelayedRequestParser() {}

    /** A plain completion: {@code model}, {@code prompt} (a string or an array of strings or token arrays). */
    public static ChatRequest completion(JsonNode body) {
        ObjectNode o = object(body);
        String model = model(o);
        String prompt = texts(o.get("prompt"), "prompt");
        JsonNode nNode = o.get("n");
        int n = 1;
        if (nNode != null && !nNode.isNull()) {
            if (!nNode.isIntegralNumber() || !nNode.canConvertToInt() || nNode.asInt() < 1 || nNode.asInt() > ChatRequest.MAX_N) {
                throw ApiFailure.field("n", "n must be an integer in 1.." + ChatRequest.MAX_N + ", was " + Fields.kind(nNode));
            }
            n = nNode.asInt();
        }
        boolean stream = bool(o, "stream");
        boolean usage = stream && o.path("stream_options").path("include_usage").asBoolean(false);
        Optional<Integer> cap = Optional.empty();
        JsonNode mt = o.get("max_tokens");
        if (mt != null && !mt.isNull()) {
            if (!mt.isIntegralNumber() || !mt.canConvertToInt() || mt.asInt() < 1) {
                throw ApiFailure.field("max_tokens", "max_tokens must be an integer >= 1, was " + Fields.kind(mt));
            }
            cap = Optional.of(mt.asInt());
        }
        return request(o, model, prompt, n, stream, usage, cap, Operation.COMPLETION);
    }

    /** An embedding: {@code model}, {@code input} (a string or an array of strings or token arrays); never streamed. */
    public static ChatRequest embedding(JsonNode body) {
        ObjectNode o = object(body);
        String model = model(o);
        String input = texts(o.get("input"), "input");
        if (o.has("stream") && bool(o, "stream")) throw ApiFailure.field("stream", "embeddings are not streamed");
        return request(o, model, input, 1, false, false, Optional.of(1), Operation.EMBEDDING);
    }

    private static ChatRequest request(ObjectNode o, String model, String text, int n, boolean stream, boolean usage, Optional<Integer> cap,
                                       Operation op) {
        ObjectNode sent = ChatRequestParser.withoutOwnFields(o);
        return new ChatRequest(model, List.of(Message.user(text)), n, stream, usage, cap, Optional.empty(), Optional.empty(), Budget.UNLIMITED,
                Map.of(), Optional.of(sent), sent, op, Checking.NONE, RequestOptions.storing(o), Optional.empty(), Optional.empty());
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiFailure.field("body", "the request body must be a JSON object, was " + Fields.kind(body));
        if (body.has("ponder")) throw ApiFailure.field("ponder", "ponder applies to chat completions; this endpoint is relayed to the upstream as written");
        return (ObjectNode) body;
    }

    private static String model(ObjectNode o) {
        JsonNode m = o.get("model");
        if (m == null || m.isNull()) throw ApiFailure.field("model", "model is required");
        if (!m.isTextual() || m.asText().isBlank()) throw ApiFailure.field("model", "model must be a non-blank string, was " + Fields.kind(m));
        return m.asText();
    }

    /** The text of a prompt or input: a string, or an array of strings (joined) or of token arrays (no text: counted by the upstream). */
    private static String texts(JsonNode v, String field) {
        if (v == null || v.isNull()) throw ApiFailure.field(field, field + " is required: a string or an array of strings");
        if (v.isTextual()) return v.asText();
        if (!v.isArray() || v.isEmpty()) throw ApiFailure.field(field, field + " must be a string or a non-empty array, was " + Fields.kind(v));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (x.isTextual()) b.append(x.asText()).append('\n');
            else if (x.isArray() || x.isIntegralNumber()) b.append(" ".repeat(Math.max(1, x.size()) * 4)); // token ids: about 4 characters each
            else throw ApiFailure.field(field + "[" + i + "]", field + "[" + i + "] must be a string or an array of token ids, was " + Fields.kind(x));
        }
        return b.toString();
    }

    private static boolean bool(ObjectNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) throw ApiFailure.field(field, field + " must be true or false, was " + Fields.kind(v));
        return v.asBoolean();
    }
}
