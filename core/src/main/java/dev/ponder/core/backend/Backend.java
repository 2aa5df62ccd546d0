package dev.ponder.core.backend;

import dev.ponder.core.backend.anthropic.AnthropicBackend;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.model.Usage;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Where samples come from: a live OpenAI-compatible server, a recorded bank, or a script (tests).
 * Implementations retry what is retriable themselves and throw {@link dev.ponder.core.error.PonderException} otherwise.
 */
public interface Backend {

    /** A short name for traces, e.g. {@code openai:http://localhost:8000/v1} or {@code replay:math-qwen25-rm8}. */
    String name();

    /**
     * The name of the backend that serves requests for {@code model}, for the trace line of such a call: this one's,
     * except for a backend that sends each model to another ({@link #byModel}), which names that one. A wrapper
     * passes it on.
     */
    default String nameFor(String model) { return name(); }

    /**
     * Whether this backend holds a chain's thinking to a token budget itself for {@code model} (Anthropic's extended
     * thinking, {@code thinking.budget_tokens}): {@code think@T} then leaves the budget to it rather than forcing it.
     * A wrapper passes it on.
     */
    default boolean budgetsThinking(String model) { return false; }

    /** Exactly {@code request.n()} generations and the tries they took, or throws (the exception counts its tries). */
    Generated generate(GenerationRequest request);

    /** The most this request can cost, reserved against the budget before the call. */
    Usage worstCase(GenerationRequest request);

    /** How many more samples this backend can give for the request, when it is finite (replay). */
    default OptionalInt remaining(GenerationRequest request) { return OptionalInt.empty(); }

    /** Replays a bank's recorded samples; {@code seed} empty keeps the recorded order. */
    static Backend replay(Bank bank, Optional<Long> seed, PriceCatalogue prices) {
        return new ReplayBackend(bank, seed, prices);
    }

    /**
     * Any OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp, Ollama...), e.g.
     * {@code Backend.openAi(OpenAiConfig.builder("http://localhost:8000/v1").model("qwen").build())}.
     */
    static OpenAiBackend openAi(OpenAiConfig config) {
        return OpenAiBackend.create(config);
    }

    /**
     * Anthropic's Messages API (Claude), e.g. {@code Backend.anthropic(AnthropicConfig.of(OpenAiConfig.builder(
     * "https://api.anthropic.com").apiKey(ApiKey.fromEnv("ANTHROPIC_API_KEY")).model("claude-sonnet-4-5").build()))}.
     */
    static AnthropicBackend anthropic(AnthropicConfig config) {
        return AnthropicBackend.create(config);
    }

    /**
     * One solve's backend over several models: each request goes to the backend registered for its {@code model()},
     * fetched on first use (once per dispatcher). A cascade's list {@code a>b} used as one model means its first tier.
     */
    static Backend byModel(Map<String, Supplier<Backend>> backends) {
        return new Dispatch(Map.copyOf(backends));
    }

    /** Deterministic responses for tests and examples. */
    static ScriptedBackend.Builder scripted() { return ScriptedBackend.builder(); }
}
