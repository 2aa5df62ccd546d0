package dev.ponder.cli.run;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.eval.Sampling;
import dev.ponder.lab.live.LiveEndpoint;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a live run's samples come from and how each call samples (the options of {@code ponder run --problems}). */
final class LiveOptions {
    @Option(names = "--base-url", description = "OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (default ${DEFAULT-VALUE}, which needs"
            + " the key in --api-key-env)", defaultValue = LiveEndpoint.OPENAI)
    String baseUrl;

    @Option(names = "--model", description = "model name for the openai backend")
    Optional<String> model = Optional.empty();

    @Option(names = "--api-key-env", description = "environment variable holding the API key (default ${DEFAULT-VALUE})", defaultValue = "OPENAI_API_KEY")
    String apiKeyEnv;

    @Option(names = "--retries", description = "retries of a failed call (429, 5xx, timeouts) before it counts as failed (default ${DEFAULT-VALUE})",
            defaultValue = "3")
    int retries;

    @Option(names = "--max-tokens", description = "output cap per sample; a budget reserves this much per call (default: the backend's 4096)")
    Optional<Integer> maxTokens = Optional.empty();

    @Option(names = "--temperature", description = "sampling temperature in [0, 2] (default: the server's)")
    Optional<Double> temperature = Optional.empty();

    @Option(names = "--top-p", description = "nucleus sampling in (0, 1] (default: the server's)")
    Optional<Double> topP = Optional.empty();

    @Option(names = "--no-completions", description = "the server has no /v1/completions: think@T asks again in chat turns instead")
    boolean noCompletions;

    LiveEndpoint endpoint() { return new LiveEndpoint(baseUrl, apiKeyEnv, retries); }

    Sampling sampling() {
        try {
            return new Sampling(maxTokens, temperature, topP);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s (--max-tokens, --temperature, --top-p)", e.getMessage());
        }
    }
}
