package dev.ponder.lab.runner;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.lab.plan.BackendSpec;
import dev.ponder.lab.plan.Config;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the backend a configuration draws from: a fresh replay session per configuration (so its draws depend
 * only on the seed and the problem), one shared live client per backend and model. Each named backend has one set
 * of {@link Limits} shared by all its configurations.
 */
public final class Backends {
    private final Runner.Settings settings;
    private final Map<String, Backend> live = new ConcurrentHashMap<>();
    private final Map<String, Limits> limits = new ConcurrentHashMap<>();
    private final Map<String, Backend> replays = new ConcurrentHashMap<>();

    public Backends(Runner.Settings settings) { this.settings = settings; }

    Backend backendFor(Config c) {
        BackendSpec b = c.backend();
        PriceCatalogue prices = new PriceCatalogue(Map.of(c.model(), c.price()));
        if (b.isReplay()) {
            Optional<Long> seed = b.order().orElse("shuffled").equals("shuffled") ? Optional.of(c.seed()) : Optional.empty();
            return replays.computeIfAbsent(c.id(), k -> Backend.replay(c.source().bank().orElseThrow(), seed, prices));
        }
        return live.computeIfAbsent(b.name() + "|" + c.model(), k -> {
            var cfg = OpenAiConfig.builder(b.baseUrl().orElseThrow()).model(c.model()).prices(prices).random(new SplittableRandom(c.seed()));
            String env = b.apiKeyEnv().orElse("OPENAI_API_KEY");
            if (System.getenv(env) != null) cfg.apiKey(ApiKey.fromEnv(env));
            return Backend.openAi(cfg.build());
        });
    }

    Limits limitsFor(Config c) {
        BackendSpec b = c.backend();
        return limits.computeIfAbsent(b.name(), k -> Limits.of(b.concurrency().orElse(b.isReplay() ? 64 : 8),
                b.requestsPerMinute(), b.tokensPerMinute(), settings.clock(), settings.sleeper()));
    }
}
