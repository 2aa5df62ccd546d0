package dev.ponder.cli.run;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.eval.Sampling;
import dev.ponder.lab.live.LiveEndpoint;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where a live run's samples come from and how each call samples (the options of {@code ponder run --problems}). */
final class LiveOptions {
    @Option(names = "--base-url", description = "the live server's base URL, e.g. http://localhost:8000/v1 (default: " + LiveEndpoint.OPENAI
            + " for --backend openai, " + LiveEndpoint.ANTHROPIC + " for --backend anthropic; each needs the key in --api-key-env)")
    Optional<String> baseUrl = Optional.empty();

    @Option(names = "--model", description = "model name on the live backend (e.g. gpt-4o-mini, claude-sonnet-4-5)")
    Optional<String> model = Optional.empty();

    @Option(names = "--api-key-env", description = "environment variable holding the API key (default OPENAI_API_KEY, or ANTHROPIC_API_KEY"
            + " for --backend anthropic)")
    Optional<String> apiKeyEnv = Optional.empty();

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

    /** The endpoint on {@code api}, its URL and key variable defaulting to that API's. */
    LiveEndpoint endpoint(LiveEndpoint.Api api) {
        return new LiveEndpoint(api, baseUrl.orElse(api.defaultBaseUrl()), apiKeyEnv.orElse(api.defaultKeyEnv()), retries);
    }

    Sampling sampling() {
        try {
            return new Sampling(maxTokens, temperature, topP);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s (--max-tokens, --temperature, --top-p)", e.getMessage());
        }
    }
}
