package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A live server as {@code ponder run} and plans name it: the API it speaks ({@code openai}: any OpenAI-compatible
 * server; {@code anthropic}: Anthropic's Messages API), its base URL, the environment variable that holds its key, and
 * how often a failed call is retried. Checked before anything is called: a URL that is not http(s), and OpenAI's or
 * Anthropic's own URL without a key, are refused (a run against it would fail every call, or spend under a key the
 * user did not mean).
 */
public record LiveEndpoint(Api api, String baseUrl, String apiKeyEnv, int maxRetries) {
    public static final String OPENAI = "https://api.openai.com/v1";
    public static final String ANTHROPIC = AnthropicConfig.BASE_URL;

    /** The API a live server speaks, with its default base URL and key variable. */
    public enum Api {
        OPENAI(LiveEndpoint.OPENAI, "OPENAI_API_KEY", "api.openai.com", "OpenAI's API", "point the base URL at your OpenAI-compatible server (e.g. http://localhost:8000/v1 for vLLM)"),
        ANTHROPIC(LiveEndpoint.ANTHROPIC, "ANTHROPIC_API_KEY", "api.anthropic.com", "Anthropic's API", "point the base URL at a server that speaks the Messages API");

        private final String baseUrl;
        private final String keyEnv;
        private final String host;
        private final String named;
        private final String otherwise;

        Api(String baseUrl, String keyEnv, String host, String named, String otherwise) {
            this.baseUrl = baseUrl;
            this.keyEnv = keyEnv;
            this.host = host;
            this.named = named;
            this.otherwise = otherwise;
        }

        public String defaultBaseUrl() { return baseUrl; }

        public String defaultKeyEnv() { return keyEnv; }

        /** The API a backend kind names ({@code openai}, {@code anthropic}); empty for any other kind. */
        public static Optional<Api> ofKind(String kind) {
            return switch (kind) {
                case "openai" -> Optional.of(OPENAI);
                case "anthropic" -> Optional.of(ANTHROPIC);
                default -> Optional.empty();
            };
        }
    }

    /** An OpenAI-compatible server. */
    public LiveEndpoint(String baseUrl, String apiKeyEnv, int maxRetries) { this(Api.OPENAI, baseUrl, apiKeyEnv, maxRetries); }

    public LiveEndpoint {
        if (api == null) throw PonderException.invalid("the live API is missing (openai or anthropic)");
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

    /** Why this endpoint cannot be called with {@code environment}: OpenAI's or Anthropic's own URL with no key set. */
    public Optional<String> missingKey(Map<String, String> environment) {
        boolean hosted = api.host.equalsIgnoreCase(URI.create(baseUrl).getHost());
        String key = environment.get(apiKeyEnv);
        if (!hosted || (key != null && !key.isBlank())) return Optional.empty();
        return Optional.of(baseUrl + " is " + api.named + " and " + apiKeyEnv + " is not set: export it, or " + api.otherwise);
    }

    /**
     * A client for {@code model}, priced from {@code prices}, its backoff jitter seeded; the caller closes it
     * ({@link LiveClients}). An Anthropic client posts to {@code BASE/v1/messages}: a base URL given with a trailing
     * {@code /v1} (as OpenAI's are written) is taken without it.
     */
    StreamingBackend client(String model, PriceCatalogue prices, long seed) {
        String trimmed = baseUrl.replaceAll("/+$", "");
        String base = api == Api.ANTHROPIC && trimmed.endsWith("/v1") ? trimmed.substring(0, trimmed.length() - 3) : baseUrl;
        OpenAiConfig connection = OpenAiConfig.builder(base).model(model).prices(prices).random(new SplittableRandom(seed))
                .maxRetries(maxRetries).apiKeyFromEnvironmentIfSet(apiKeyEnv).build();
        return api == Api.ANTHROPIC ? Backend.anthropic(AnthropicConfig.of(connection)) : Backend.openAi(connection);
    }
}
