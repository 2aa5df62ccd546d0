package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.json.BadField;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream server: the API it speaks ({@code kind}: an OpenAI-compatible server, or Anthropic's Messages API), where
 * it is, the environment variable holding its key, the models it serves (Ponder name to upstream name), how often a
 * failing call is retried (with backoff) before the next upstream is tried, the answer extractor for voting over its
 * outputs, whether it serves plain completions (for {@code think@T}), whether {@code adaptive} asks it for token
 * log-probabilities (each sample's confidence), and the checker its models' strategies use ({@code verify@K}) unless a
 * request names one.
 */
public record UpstreamConfig(String name, URI baseUrl, Optional<String> apiKeyEnv, Map<String, String> models, int maxRetries,
                             Duration backoff, Duration timeout, String answer, PlainCompletions completions, boolean logprobs,
                             Optional<String> checker, Kind kind) {

    /** The API an upstream speaks, as the config writes it ({@code openai}, {@code anthropic}). */
    public enum Kind {
        OPENAI, ANTHROPIC;

        public String configName() { return name().toLowerCase(Locale.ROOT); }

        static Kind read(String written) {
            if (written == null) return OPENAI;
            for (Kind k : values()) if (k.configName().equals(written)) return k;
            throw new BadField("kind", "must be openai or anthropic, was \"" + written + "\"");
        }
    }

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
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(kind, "kind");
    }

    /** An OpenAI-compatible upstream: completions found out ({@code auto}), no log-probabilities, no checker of its own. */
    public UpstreamConfig(String name, URI baseUrl, Optional<String> apiKeyEnv, Map<String, String> models, int maxRetries,
                          Duration backoff, Duration timeout, String answer) {
        this(name, baseUrl, apiKeyEnv, models, maxRetries, backoff, timeout, answer, PlainCompletions.AUTO, false, Optional.empty(), Kind.OPENAI);
    }

    /**
     * As the config file writes it (an {@code upstreams} entry): {@code models} a list of names or a map of Ponder names
     * to upstream ones; unless given, an OpenAI-compatible server, 2 retries, a first backoff of 250 ms, 600 s a call,
     * the exact answer extractor, completions found out, no log-probabilities, no checker.
     */
    @JsonCreator
    static UpstreamConfig read(@JsonProperty("name") String name, @JsonProperty("kind") String kind, @JsonProperty("base_url") String baseUrl,
                               @JsonProperty("api_key_env") String apiKeyEnv, @JsonProperty("models") JsonNode models,
                               @JsonProperty("max_retries") Long maxRetries, @JsonProperty("backoff_ms") Long backoffMs,
                               @JsonProperty("timeout_seconds") Long timeoutSeconds, @JsonProperty("answer") String answer,
                               @JsonProperty("completions") JsonNode completions, @JsonProperty("logprobs") Boolean logprobs,
                               @JsonProperty("checker") String checker) {
        Checks.required("name", name, "is required");
        Checks.required("base_url", baseUrl, "is required (e.g. http://localhost:8000/v1, or https://api.anthropic.com for kind anthropic)");
        return new UpstreamConfig(name, URI.create(baseUrl), Optional.ofNullable(apiKeyEnv), modelNames(models),
                (int) Checks.whole("max_retries", maxRetries, 0, 100, 2),
                Duration.ofMillis(Checks.whole("backoff_ms", backoffMs, 1, 600_000, 250)),
                Duration.ofSeconds(Checks.whole("timeout_seconds", timeoutSeconds, 1, 86_400, 600)),
                Checks.answer("answer", answer == null ? "exact" : answer), completions(completions), logprobs != null && logprobs,
                Optional.ofNullable(checker).map(c -> Checks.checker("checker", c)), Kind.read(kind));
    }

    /** {@code auto}, {@code on} or {@code off}; YAML 1.1 reads a bare on/off as true/false, which mean the same here. */
    private static PlainCompletions completions(JsonNode c) {
        if (c == null || c.isNull()) return PlainCompletions.AUTO;
        if (c.isBoolean()) return c.asBoolean() ? PlainCompletions.ON : PlainCompletions.OFF;
        if (!c.isTextual()) throw new BadField("completions", "must be auto, on or off, was " + c);
        try {
            return PlainCompletions.parse(c.asText());
        } catch (IllegalArgumentException e) {
            throw new BadField("completions", "must be auto, on or off, was \"" + c.asText() + "\"");
        }
    }

    private static Map<String, String> modelNames(JsonNode m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null && m.isArray()) {
            for (int i = 0; i < m.size(); i++) {
                if (!m.get(i).isTextual()) throw new BadField("models[" + i + "]", "must be a model name");
                out.put(m.get(i).asText(), m.get(i).asText());
            }
        } else if (m != null && m.isObject()) {
            for (var e : m.properties()) {
                if (!e.getValue().isTextual()) throw new BadField("models." + e.getKey(), "must be the upstream's model name");
                out.put(e.getKey(), e.getValue().asText());
            }
        } else {
            throw new BadField("models", "must list the models served (or map Ponder names to upstream names)");
        }
        return out;
    }
}
