package dev.ponder.core.backend.anthropic;

import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.error.PonderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach Anthropic's Messages API. The connection is an {@link OpenAiConfig} (base URL, key, model names, timeouts,
 * retries and backoff, prices, the default token cap, extra body fields, HTTP proxy), so both kinds of upstream are
 * configured, retried and priced alike; the key goes out as {@code x-api-key}, not as a bearer token. The base URL is
 * Anthropic's root, {@code https://api.anthropic.com} (with or without {@code /v1}); {@code version} is the
 * {@code anthropic-version} header and {@code betas} the {@code anthropic-beta} flags.
 * <pre>{@code
 * AnthropicConfig.of(OpenAiConfig.builder("https://api.anthropic.com").apiKey(ApiKey.fromEnv("ANTHROPIC_API_KEY"))
 *         .model("claude-sonnet-4-5").build())
 * }</pre>
 */
public record AnthropicConfig(OpenAiConfig connection, String version, List<String> betas) {
    /** The API version Ponder speaks (the Messages API's only one). */
    public static final String VERSION = "2023-06-01";
    /** Anthropic's API root. */
    public static final String BASE_URL = "https://api.anthropic.com";

    public AnthropicConfig {
        Objects.requireNonNull(connection, "connection");
        if (version == null || version.isBlank()) throw PonderException.invalid("the anthropic-version header must not be blank");
        betas = List.copyOf(betas);
    }

    public static AnthropicConfig of(OpenAiConfig connection) { return new AnthropicConfig(connection, VERSION, List.of()); }

    public AnthropicConfig withVersion(String v) { return new AnthropicConfig(connection, v, betas); }

    /** With one more {@code anthropic-beta} flag. */
    public AnthropicConfig withBeta(String flag) {
        List<String> b = new ArrayList<>(betas);
        b.add(flag);
        return new AnthropicConfig(connection, version, b);
    }

    /** The Messages endpoint's path under the base URL. */
    String messagesPath() { return connection.baseUrl().getPath().endsWith("/v1") ? "/messages" : "/v1/messages"; }
}
