package dev.ponder.core.backend;

import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for {@code n} samples of one conversation. {@code problemId} lets a replay backend find the recorded
 * samples without matching the question text; {@code extra} is passed through to the upstream body untouched
 * (temperature, reasoning_effort, provider-specific thinking budgets...).
 */
public record GenerationRequest(String model, List<Message> messages, int n, Optional<Integer> maxTokens,
                                Optional<String> problemId, Map<String, Object> extra) {
    public GenerationRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a generation request needs at least one message");
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        maxTokens.ifPresent(m -> {
            if (m < 1) throw new IllegalArgumentException("max tokens must be >= 1, was " + m);
        });
        extra = Map.copyOf(extra);
    }

    public static GenerationRequest of(String model, List<Message> messages, int n) {
        return new GenerationRequest(model, messages, n, Optional.empty(), Optional.empty(), Map.of());
    }

    public GenerationRequest withN(int k) {
        return new GenerationRequest(model, messages, k, maxTokens, problemId, extra);
    }

    public GenerationRequest withModel(String m) {
        return new GenerationRequest(m, messages, n, maxTokens, problemId, extra);
    }

    public GenerationRequest withMessages(List<Message> ms) {
        return new GenerationRequest(model, ms, n, maxTokens, problemId, extra);
    }

    public GenerationRequest withProblemId(String id) {
        return new GenerationRequest(model, messages, n, maxTokens, Optional.of(id), extra);
    }

    public GenerationRequest withMaxTokens(int m) {
        return new GenerationRequest(model, messages, n, Optional.of(m), problemId, extra);
    }

    /** The last user message, which replay matches against a bank's questions. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return "";
    }
}
