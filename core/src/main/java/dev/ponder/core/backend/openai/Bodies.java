package dev.ponder.core.backend.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Message;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies. Field order of precedence: the configuration's extra fields, then the request's extra fields, then
 * what the backend sets itself (model, messages or prompt, n, the token cap, stream flags).
 */
final class Bodies {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();

    private Bodies() { }

    static ObjectNode chat(OpenAiConfig c, String upstream, GenerationRequest r, int n, boolean stream, boolean includeUsage) {
        ObjectNode b = start(c, upstream, r.extra());
        var messages = b.putArray("messages");
        for (Message m : r.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
        return finish(b, c.maxTokensField().fieldFor(upstream), r.maxTokens(), n, stream, includeUsage);
    }

    /**
     * A client's chat body for the upstream, written straight from the parsed body: the configuration's extra fields
     * the client did not set, the client's fields (the token cap under the server's field name), the upstream's model.
     */
    static byte[] relay(OpenAiConfig c, String upstream, ObjectNode client) {
        String field = c.maxTokensField().fieldFor(upstream);
        String other = field.equals("max_tokens") ? "max_completion_tokens" : "max_tokens";
        boolean rename = !client.has(field) && client.has(other);
        com.fasterxml.jackson.core.util.ByteArrayBuilder out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(512);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (var e : c.extraBody().entrySet()) {
                if (e.getKey().equals("model") || client.has(e.getKey()) || (rename && e.getKey().equals(field))) continue;
                g.writeFieldName(e.getKey());
                JSON.writeValue(g, e.getValue());
            }
            for (var e : client.properties()) {
                if (e.getKey().equals("model")) continue;
                g.writeFieldName(rename && e.getKey().equals(other) ? field : e.getKey());
                JSON.writeTree(g, e.getValue());
            }
            g.writeStringField("model", upstream);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new dev.ponder.core.error.PonderException(dev.ponder.core.error.PonderException.Kind.INVALID_INPUT,
                    "cannot encode the request body: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static ObjectNode completion(OpenAiConfig c, String upstream, CompletionRequest r, int n, boolean stream, boolean includeUsage) {
        ObjectNode b = start(c, upstream, r.extra());
        b.put("prompt", r.prompt());
        if (!r.stop().isEmpty()) {
            var stop = b.putArray("stop");
            r.stop().forEach(stop::add);
        }
        // the legacy completions endpoint only knows max_tokens
        return finish(b, "max_tokens", r.maxTokens(), n, stream, includeUsage);
    }

    private static ObjectNode start(OpenAiConfig c, String upstream, Map<String, Object> requestExtra) {
        OpenAiConfig.checkExtra(requestExtra, "extra body fields of the request");
        ObjectNode b = JSON.createObjectNode();
        b.put("model", upstream);
        c.extraBody().forEach((k, v) -> b.set(k, JSON.valueToTree(v)));
        requestExtra.forEach((k, v) -> b.set(k, JSON.valueToTree(v)));
        return b;
    }

    private static ObjectNode finish(ObjectNode b, String capField, Optional<Integer> cap, int n, boolean stream, boolean includeUsage) {
        if (n > 1) b.put("n", n);
        cap.ifPresent(t -> b.put(capField, t));
        if (stream) {
            b.put("stream", true);
            if (includeUsage) b.putObject("stream_options").put("include_usage", true);
        }
        return b;
    }

    /** The output-token cap a body will carry, if any: max_completion_tokens or max_tokens, whichever is smaller. */
    static Optional<Integer> cap(Optional<Integer> requested, Map<String, Object> requestExtra, Map<String, Object> configExtra) {
        if (requested.isPresent()) return requested;
        Optional<Integer> best = Optional.empty();
        for (Map<String, Object> m : java.util.List.of(requestExtra, configExtra)) {
            for (String f : java.util.List.of("max_completion_tokens", "max_tokens")) {
                if (m.get(f) instanceof Number x && x.intValue() > 0) {
                    best = Optional.of(best.map(b -> Math.min(b, x.intValue())).orElse(x.intValue()));
                }
            }
            if (best.isPresent()) return best;
        }
        return best;
    }
}
