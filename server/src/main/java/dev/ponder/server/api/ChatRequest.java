package dev.ponder.server.api;

import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code POST /v1/chat/completions} body. {@code strategy} and {@code budget} come from the
 * {@code ponder} extension object; {@code extra} holds the remaining sampling fields (temperature, top_p, stop...),
 * passed through to an upstream untouched. {@code passthrough} is the whole body when it carries what only the
 * upstream understands (tools, tool messages, non-text parts): such a request goes to the upstream as sent.
 * {@code body} is the body as sent, less the {@code ponder} object: what a relayed request sends upstream (not to be
 * modified).
 */
public record ChatRequest(String model, List<Message> messages, int n, boolean stream, boolean includeUsage,
                          Optional<Integer> maxTokens, Optional<Long> seed, Optional<String> strategy, Budget budget,
                          Map<String, Object> extra, Optional<com.fasterxml.jackson.databind.node.ObjectNode> passthrough,
                          com.fasterxml.jackson.databind.node.ObjectNode body) {
    public static final int MAX_N = 64;

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (n < 1 || n > MAX_N) throw new IllegalArgumentException("n must be in 1.." + MAX_N + ", was " + n);
        Objects.requireNonNull(budget, "budget");
        extra = Map.copyOf(extra);
        Objects.requireNonNull(passthrough, "passthrough");
        Objects.requireNonNull(body, "body");
    }

    /** The last user message (what replay matches against a bank's questions), or empty. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return "";
    }
}
