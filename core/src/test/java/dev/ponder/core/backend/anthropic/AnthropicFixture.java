package dev.ponder.core.backend.anthropic;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.model.Message;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** An Anthropic backend on a fake server: recorded sleeps, seeded jitter, a fixed clock, $3 / $15 a million tokens. */
final class AnthropicFixture {
    static final PriceCatalogue PRICES = new PriceCatalogue(Map.of("claude-fake", new Price(3.0, 15.0)));

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    OpenAiConfig.Builder connection(URI root) {
        return OpenAiConfig.builder(root).apiKey(ApiKey.of("sk-ant-test")).model("claude").modelName("claude", "claude-fake")
                .prices(PRICES).sleeper(sleeps::add).random(new SplittableRandom(7)).clock(InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10));
    }

    AnthropicBackend backend(URI root) { return AnthropicBackend.create(AnthropicConfig.of(connection(root).build())); }

    static GenerationRequest ask(String question, int n) { return GenerationRequest.of("claude", List.of(Message.user(question)), n); }

    static double dollars(long in, long out) { return (in * 3.0 + out * 15.0) / 1e6; }
}
