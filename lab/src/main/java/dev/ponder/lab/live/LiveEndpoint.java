package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An OpenAI-compatible server as {@code ponder run} and plans name it: its base URL, the environment variable that
 * holds its key, and how often a failed call is retried. Checked before anything is called: a URL that is not http(s),
 * and OpenAI's own URL without a key, are refused (a run against it would fail every call, or spend under a key the
 * user did not mean).
 */
public record LiveEndpoint(String baseUrl, String apiKeyEnv, int maxRetries) {
    public static final String OPENAI = "https://api.openai.com/v1";

    public LiveEndpoint {
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw PonderException.invalid("base URL must start with http:// or https://, was \"%s\"", baseUrl);
        }
        try {
            if (URI.create(baseUrl).getHost() == null) throw new IllegalArgumentException("no host");
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("base URL \"%s\" is not a URL such as http://localhost:8000/v1", baseUrl);
        }
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) throw PonderException.invalid("the API key's environment variable name is blank");
        if (maxRetries < 0 || maxRetries > 20) throw PonderException.invalid("retries must be in [0, 20], was %d", maxRetries);
    }

    /** Why this endpoint cannot be called with {@code environment}: OpenAI's URL with no key set. */
    public Optional<String> missingKey(Map<String, String> environment) {
        boolean openAi = "api.openai.com".equalsIgnoreCase(URI.create(baseUrl).getHost());
        String key = environment.get(apiKeyEnv);
        if (!openAi || (key != null && !key.isBlank())) return Optional.empty();
        return Optional.of(baseUrl + " is OpenAI's API and " + apiKeyEnv + " is not set: export it, or point the base URL at your"
                + " OpenAI-compatible server (e.g. http://localhost:8000/v1 for vLLM)");
    }

    /**
     * A client for {@code model}, priced from {@code prices}, its backoff jitter seeded. With {@code completions} it also
     * continues raw prompts ({@code /v1/completions}, which think@T prefers); without, think@T asks again in chat turns.
     */
    public Backend open(String model, PriceCatalogue prices, long seed, boolean completions) {
        var cfg = OpenAiConfig.builder(baseUrl).model(model).prices(prices).random(new SplittableRandom(seed)).maxRetries(maxRetries)
                .apiKeyFromEnvironmentIfSet(apiKeyEnv);
        Backend b = Backend.openAi(cfg.build());
        // without completions: the same client behind a dispatcher by model name, which serves chat and is no CompletionBackend
        return completions ? b : Backend.byModel(Map.of(model, () -> b));
    }
}
