package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request bodies. Field order of precedence: the configuration's extra fields, then the request's extra fields, then
 * what the backend sets itself (model, messages or prompt, n, the token cap, stream flags).
 */
public final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() { }

    static ObjectNode chat(OpenAiConfig c, String upstream, GenerationRequest r, int n, boolean stream, boolean includeUsage) {
        ObjectNode b = start(c, upstream, r.extra());
        b.set("messages", ChatMessages.of(r.messages()));
        return finish(b, c.maxTokensField().fieldFor(upstream), r.maxTokens(), n, stream, includeUsage);
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
    public static Optional<Integer> cap(Optional<Integer> requested, Map<String, Object> requestExtra, Map<String, Object> configExtra) {
        if (requested.isPresent()) return requested;
        Optional<Integer> best = Optional.empty();
        for (Map<String, Object> m : List.of(requestExtra, configExtra)) {
            for (String f : List.of("max_completion_tokens", "max_tokens")) {
                if (m.get(f) instanceof Number x && x.intValue() > 0) {
                    best = Optional.of(best.map(b -> Math.min(b, x.intValue())).orElse(x.intValue()));
                }
            }
            if (best.isPresent()) return best;
        }
        return best;
    }
}
