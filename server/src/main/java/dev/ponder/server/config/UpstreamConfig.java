package dev.ponder.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream OpenAI-compatible server: where it is, the environment variable holding its key, the models it serves
 * (Ponder name to upstream name), how often a failing call is retried (with backoff) before the next upstream is
 * tried, and the answer extractor for voting over its outputs.
 */
public record UpstreamConfig(String name, URI baseUrl, Optional<String> apiKeyEnv, Map<String, String> models, int maxRetries,
                             Duration backoff, Duration timeout, String answer) {
    public UpstreamConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        models = Map.copyOf(models);
        if (models.isEmpty()) throw new IllegalArgumentException("upstream " + name + " lists no models");
        if (maxRetries < 0) throw new IllegalArgumentException("upstream " + name + ": max_retries must be >= 0, was " + maxRetries);
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(answer, "answer");
    }
}
