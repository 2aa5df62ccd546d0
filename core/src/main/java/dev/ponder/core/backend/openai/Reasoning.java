package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reasoning controls for a request, turned into upstream body fields: OpenAI's {@code reasoning_effort} and
 * {@code max_completion_tokens} (a cap on reasoning plus answer tokens), and provider-specific thinking budgets passed
 * through untouched (e.g. {@code thinking: {type: enabled, budget_tokens: 2048}}, or vLLM/Qwen3's
 * {@code chat_template_kwargs: {enable_thinking: false}}).
 */
public record Reasoning(Optional<Effort> effort, Optional<Integer> maxCompletionTokens, Map<String, Object> providerFields) {

    /** OpenAI's {@code reasoning_effort} values. */
    public enum Effort {
        MINIMAL, LOW, MEDIUM, HIGH;

        public String wire() { return name().toLowerCase(Locale.ROOT); }

        public static Effort parse(String s) {
            for (Effort e : values()) if (e.wire().equalsIgnoreCase(s.strip())) return e;
            throw PonderException.invalid("unknown reasoning effort \"%s\"; known: %s", s,
                    Arrays.stream(values()).map(Effort::wire).toList());
        }
    }

    public static final Reasoning NONE = new Reasoning(Optional.empty(), Optional.empty(), Map.of());

    public Reasoning {
        maxCompletionTokens.ifPresent(m -> {
            if (m < 1) throw new IllegalArgumentException("max_completion_tokens must be >= 1, was " + m);
        });
        providerFields = Map.copyOf(providerFields);
    }

    public static Reasoning effort(Effort e) { return NONE.withEffort(e); }

    public Reasoning withEffort(Effort e) { return new Reasoning(Optional.of(e), maxCompletionTokens, providerFields); }

    public Reasoning withMaxCompletionTokens(int m) { return new Reasoning(effort, Optional.of(m), providerFields); }

    /** A provider-specific body field, passed through as given (maps and lists become JSON objects and arrays). */
    public Reasoning withField(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(providerFields);
        m.put(name, value);
        return new Reasoning(effort, maxCompletionTokens, m);
    }

    /** Anthropic-style extended thinking ({@code thinking.budget_tokens}), as accepted by compatible gateways. */
    public Reasoning withThinkingBudget(int budgetTokens) {
        if (budgetTokens < 1) throw new IllegalArgumentException("thinking budget must be >= 1 token, was " + budgetTokens);
        return withField("thinking", Map.of("type", "enabled", "budget_tokens", budgetTokens));
    }

    /** The body fields these controls add. */
    public Map<String, Object> asExtra() {
        Map<String, Object> m = new LinkedHashMap<>(providerFields);
        effort.ifPresent(e -> m.put("reasoning_effort", e.wire()));
        maxCompletionTokens.ifPresent(t -> m.put("max_completion_tokens", t));
        return m;
    }

    /** The request with these controls merged into its extra body fields (these win on a clash). */
    public GenerationRequest applyTo(GenerationRequest r) {
        Map<String, Object> extra = new LinkedHashMap<>(r.extra());
        extra.putAll(asExtra());
        return new GenerationRequest(r.model(), r.messages(), r.n(), r.maxTokens(), r.problemId(), extra);
    }
}
