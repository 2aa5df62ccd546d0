package dev.ponder.lab.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backend: {@code replay} (recorded banks; the model is the bank's), {@code openai} (any OpenAI-compatible
 * endpoint, with its {@code models} and their prices) or {@code anthropic} (Anthropic's Messages API; {@code base_url}
 * defaults to https://api.anthropic.com and the key to {@code ANTHROPIC_API_KEY}). {@code concurrency} caps calls in flight;
 * {@code requests_per_minute} and {@code tokens_per_minute} are token-bucket limits; {@code order} is the replay
 * order ({@code shuffled}, seeded, or {@code recorded}). {@code completions} says whether the server serves
 * {@code /v1/completions} (default true), which budget forcing ({@code think@T}) uses to end and extend a chain where
 * it wants; {@code false} makes it ask again in chat turns instead.
 */
public record BackendSpec(String name, String kind, Optional<String> baseUrl, Optional<String> apiKeyEnv,
                          List<ModelSpec> models, Optional<Integer> concurrency, Optional<Integer> requestsPerMinute,
                          Optional<Long> tokensPerMinute, Optional<String> order, Optional<Boolean> completions) {
    public BackendSpec {
        if (kind == null || !(kind.equals("replay") || kind.equals("openai") || kind.equals("anthropic"))) {
            throw new IllegalArgumentException("kind must be replay, openai or anthropic, was " + (kind == null ? "missing" : "\"" + kind + "\""));
        }
        if (name == null) name = kind;
        baseUrl = baseUrl == null ? Optional.empty() : baseUrl;
        apiKeyEnv = apiKeyEnv == null ? Optional.empty() : apiKeyEnv;
        if (models != null && models.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("models may not have empty entries");
        models = models == null ? List.of() : List.copyOf(models);
        concurrency = concurrency == null ? Optional.empty() : concurrency;
        requestsPerMinute = requestsPerMinute == null ? Optional.empty() : requestsPerMinute;
        tokensPerMinute = tokensPerMinute == null ? Optional.empty() : tokensPerMinute;
        order = order == null ? Optional.empty() : order;
        completions = completions == null ? Optional.empty() : completions;
        if (kind.equals("anthropic") && baseUrl.isEmpty()) baseUrl = Optional.of("https://api.anthropic.com");
        if (!kind.equals("replay")) {
            String url = baseUrl.orElseThrow(() -> new IllegalArgumentException("an openai backend needs base_url, e.g. http://localhost:8000/v1"));
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("base_url must start with http:// or https://, was \"" + url + "\"");
            }
            if (models.isEmpty()) throw new IllegalArgumentException("an " + kind + " backend needs at least one model");
        }
        concurrency.ifPresent(c -> positive("concurrency", c));
        requestsPerMinute.ifPresent(c -> positive("requests_per_minute", c));
        tokensPerMinute.ifPresent(c -> positive("tokens_per_minute", c));
        order.ifPresent(o -> {
            if (!o.equals("shuffled") && !o.equals("recorded")) throw new IllegalArgumentException("order must be shuffled or recorded, was \"" + o + "\"");
        });
    }

    public static BackendSpec replay() {
        return new BackendSpec("replay", "replay", Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isReplay() { return kind.equals("replay"); }

    /** Whether think@T may continue raw prompts on this backend ({@code /v1/completions}). */
    public boolean servesCompletions() { return completions.orElse(!kind.equals("anthropic")); }

    private static void positive(String field, long v) {
        if (v < 1) throw new IllegalArgumentException(field + " must be >= 1, was " + v);
    }
}
