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
 * {@code body} is the body as sent, less the {@code ponder} object (and {@code store}): what a relayed
 * request sends upstream (not to be modified). {@code operation} is the endpoint it came in on (a plain completion or
 * an embedding carries its prompt or input as one user message, and always passes through); {@code checking} what it
 * gives a checker; {@code storing} whether it is kept as a stored completion.
 */
public record ChatRequest(String model, List<Message> messages, int n, boolean stream, boolean includeUsage,
                          Optional<Integer> maxTokens, Optional<Long> seed, Optional<String> strategy, Budget budget,
                          Map<String, Object> extra, Optional<com.fasterxml.jackson.databind.node.ObjectNode> passthrough,
                          com.fasterxml.jackson.databind.node.ObjectNode body, Operation operation, Checking checking, Storing storing) {
    public static final int MAX_N = 64;

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (n < 1 || n > MAX_N) throw new IllegalArgumentException("n must be in 1.." + MAX_N + ", was " + n);
        Objects.requireNonNull(budget, "budget");
        extra = Map.copyOf(extra);
        Objects.requireNonNull(passthrough, "passthrough");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(checking, "checking");
        Objects.requireNonNull(storing, "storing");
    }

    /** A chat completion that names no checker's inputs and is not stored. */
    public ChatRequest(String model, List<Message> messages, int n, boolean stream, boolean includeUsage,
                       Optional<Integer> maxTokens, Optional<Long> seed, Optional<String> strategy, Budget budget,
                       Map<String, Object> extra, Optional<com.fasterxml.jackson.databind.node.ObjectNode> passthrough,
                       com.fasterxml.jackson.databind.node.ObjectNode body) {
        this(model, messages, n, stream, includeUsage, maxTokens, seed, strategy, budget, extra, passthrough, body, Operation.CHAT,
                Checking.NONE, Storing.NO);
    }

    /** The last user message (what replay matches against a bank's questions), or empty. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return "";
    }
}
