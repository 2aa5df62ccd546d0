package dev.ponder.core.backend;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain-text completion ({@code /v1/completions}): the model continues {@code prompt} as is, with no chat template.
 * Budget forcing uses it to end or extend a chain of thought exactly where it wants.
 */
public record CompletionRequest(String model, String prompt, int n, Optional<Integer> maxTokens, List<String> stop,
                                Map<String, Object> extra) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
        maxTokens.ifPresent(m -> {
            if (m < 1) throw new IllegalArgumentException("max tokens must be >= 1, was " + m);
        });
        stop = List.copyOf(stop);
        extra = Map.copyOf(extra);
    }

    public static CompletionRequest of(String model, String prompt, int maxTokens, List<String> stop) {
        return new CompletionRequest(model, prompt, 1, Optional.of(maxTokens), stop, Map.of());
    }

    public CompletionRequest withN(int k) { return new CompletionRequest(model, prompt, k, maxTokens, stop, extra); }
}
