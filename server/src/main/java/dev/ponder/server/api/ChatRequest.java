package dev.ponder.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated chat request, in OpenAI's chat-completions terms whatever dialect it came in. {@code strategy} and
 * {@code budget} come from the {@code ponder} extension object; {@code extra} holds the remaining fields for the
 * upstream (sampling fields such as temperature, top_p, stop; and tools, tool_choice, parallel_tool_calls in OpenAI's
 * shape), passed through untouched. {@code messages} carry tool calls and tool results. {@code passthrough} is the
 * whole body when it carries tools or what only the upstream understands: {@code single} on an upstream model sends
 * it as written. {@code opaque} names the first field only the upstream can read (images and other non-text parts,
 * legacy functions, audio): such a request cannot run a strategy. {@code thinking} is a thinking budget in tokens the
 * client asked for (Anthropic's {@code thinking.budget_tokens}): a plain model then runs {@code think@T}. {@code body} is the body as OpenAI's chat
 * completions, less the {@code ponder} object (and {@code store}): what a relayed request sends upstream (not to be
 * modified). {@code operation} is the endpoint it came in on (a plain completion or an embedding carries its prompt or
 * input as one user message, and always passes through); {@code checking} what it gives a checker; {@code storing}
 * whether it is kept as a stored completion.
 */
public record ChatRequest(String model, List<Message> messages, int n, boolean stream, boolean includeUsage,
                          Optional<Integer> maxTokens, Optional<Long> seed, Optional<String> strategy, Budget budget,
                          Map<String, Object> extra, Optional<ObjectNode> passthrough,
                          ObjectNode body, Operation operation, Checking checking, Storing storing,
                          Optional<String> opaque, Optional<Integer> thinking) {
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
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(thinking, "thinking");
    }

    /** A chat completion every part of which Ponder can read, that names no checker's inputs and is not stored. */
    public ChatRequest(String model, List<Message> messages, int n, boolean stream, boolean includeUsage,
                       Optional<Integer> maxTokens, Optional<Long> seed, Optional<String> strategy, Budget budget,
                       Map<String, Object> extra, Optional<ObjectNode> passthrough,
                       ObjectNode body) {
        this(model, messages, n, stream, includeUsage, maxTokens, seed, strategy, budget, extra, passthrough, body, Operation.CHAT,
                Checking.NONE, Storing.NO, Optional.empty(), Optional.empty());
    }

    /** The last user message (what replay matches against a bank's questions), or empty. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return "";
    }
}
