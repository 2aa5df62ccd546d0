package dev.ponder.server.upstream;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured upstream servers, each opened once with one HTTP client for all the models it serves, and for each
 * model the pool of the upstreams serving it, in the configured order. Closing it closes every upstream's client.
 */
public final class Upstreams implements AutoCloseable {
    private final List<Upstream> servers;
    private final Map<String, UpstreamPool> pools;
    private final Map<String, String> answers;
    private final Map<String, String> checkers = new LinkedHashMap<>();

    private Upstreams(List<Upstream> servers, Map<String, UpstreamPool> pools, Map<String, String> answers) {
        this.servers = servers;
        this.pools = pools;
        this.answers = answers;
    }

    /** Opens {@code configs}; in each model's pool, an upstream that failed is tried last for {@code cooldown}. */
    public static Upstreams open(List<UpstreamConfig> configs, PriceCatalogue prices, Duration cooldown, InstantSource clock) {
        List<Upstream> servers = new ArrayList<>();
        Map<String, List<Upstream>> members = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (UpstreamConfig u : configs) {
            OpenAiConfig.Builder b = OpenAiConfig.builder(u.baseUrl()).maxRetries(u.maxRetries()).backoff(u.backoff(), u.backoff().multipliedBy(16))
                    .requestTimeout(u.timeout()).prices(prices).clock(clock);
            u.models().forEach(b::modelName);
            u.apiKeyEnv().ifPresent(env -> b.apiKey(ApiKey.fromEnv(env)));
            Upstream server = switch (u.kind()) {
                case OPENAI -> Upstream.of(u.name(), b.build(), u.completions(), u.logprobs());
                case ANTHROPIC -> Upstream.anthropic(u.name(), AnthropicConfig.of(b.build()));
            };
            servers.add(server);
            for (String model : u.models().keySet()) {
                members.computeIfAbsent(model, m -> new ArrayList<>()).add(server);
                answers.putIfAbsent(model, u.answer());
            }
        }
        Map<String, UpstreamPool> pools = new LinkedHashMap<>();
        members.forEach((model, ms) -> pools.put(model, UpstreamPool.of(model, ms, cooldown, clock)));
        Upstreams out = new Upstreams(List.copyOf(servers), pools, answers);
        for (UpstreamConfig u : configs) u.checker().ifPresent(c -> u.models().keySet().forEach(m -> out.checkers.putIfAbsent(m, c)));
        return out;
    }

    /** Each served model's pool (upstreams in the configured order). */
    public Map<String, UpstreamPool> pools() { return Collections.unmodifiableMap(pools); }

    /** The answer extractor named for {@code model} by the first upstream that serves it. */
    public String answer(String model) { return answers.get(model); }

    /** The checker named for each model by the first upstream serving it that names one. */
    public Map<String, String> checkers() { return Collections.unmodifiableMap(checkers); }

    /** Whether the price catalogue knows {@code model} on every upstream serving it. */
    public boolean priced(String model) {
        UpstreamPool p = pools.get(model);
        return p == null || p.priced(model);
    }

    @Override
    public void close() { servers.forEach(Upstream::close); }
}
