package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.Reasoning;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
// end: imports
import java.io.PrintStream;
import java.util.TreeMap;

/**
 * The {@code openai} backend on its own (docs/openai-backend.md): five samples in one request, a streamed request whose
 * deltas arrive as they are generated, and reasoning controls. {@code main} talks to the base URL given as the first
 * argument (default a vLLM server on localhost); the tests run it against a fake DeepSeek-style server that rejects n.
 */
public final class OpenAiBackendExample {

    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : "http://localhost:8000/v1", System.out);
    }

    /** Returns the streamed generations. */
    public static Generated run(String baseUrl, PrintStream out) {
        // snippet: backend
        OpenAiBackend backend = Backend.openAi(OpenAiConfig.builder(baseUrl)   // e.g. http://localhost:8000/v1
                .model("Qwen/Qwen3-8B")                       // used when a request names no model
                .apiKeyFromEnvironmentIfSet("OPENAI_API_KEY") // or .apiKey(ApiKey.fromEnv(..) / ApiKey.of("sk-...")); never logged
                .build());
        Generated five = backend.generate(GenerationRequest.of("", List.of(Message.user("What is 17 * 3?")), 5));
        // end: backend
        out.printf("%d generations, the first: %s%n", five.generations().size(), five.generations().getFirst().text());
        GenerationRequest request = GenerationRequest.of("deepseek-chat", List.of(Message.user("What is 17 * 3?")), 3);
        out.println("worst case: " + backend.worstCase(request));
        // snippet: stream
        Generated g = backend.stream(request, delta -> out.println("  delta " + delta));
        // end: stream
        Generation first = g.generations().getFirst();
        out.printf("%s | reasoning=%s | %d output tokens, %d of them reasoning%n", first.text(), first.reasoning(),
                first.usage().outputTokens(), first.usage().reasoningTokens());
        out.printf("(%d generations, %d %s)%n", g.generations().size(), g.attempts(), g.attempts() == 1 ? "attempt" : "attempts");
        List<Message> messages = List.of(Message.user("Prove there are infinitely many primes."));
        // snippet: reasoning
        Reasoning r = Reasoning.effort(Reasoning.Effort.HIGH)     // reasoning_effort: minimal | low | medium | high
                .withMaxCompletionTokens(8000)                    // caps reasoning + answer tokens (OpenAI o-series)
                .withThinkingBudget(2048)                         // thinking: {type: enabled, budget_tokens: 2048}
                .withField("chat_template_kwargs", Map.of("enable_thinking", true));   // any provider field, passed through
        GenerationRequest req = r.applyTo(GenerationRequest.of("o3-mini", messages, 1));   // or config.reasoning(r) for all calls
        // end: reasoning
        out.println("reasoning fields: " + new TreeMap<>(req.extra()).keySet());
        backend.close();
        return g;
    }

    private OpenAiBackendExample() {}
}
