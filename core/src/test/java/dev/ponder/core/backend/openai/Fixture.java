package dev.ponder.core.backend.openai;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend configuration for the fake server: recorded sleeps, seeded jitter, a fixed clock, simple prices. */
final class Fixture {
    /** $1 per million input tokens, $2 per million output tokens. */
    static final PriceCatalogue PRICES = new PriceCatalogue(Map.of("fake-model", new Price(1.0, 2.0)));
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    OpenAiConfig.Builder config(FakeOpenAiServer server) {
        return OpenAiConfig.builder(server.baseUrl())
                .model("fake-model")
                .prices(PRICES)
                .sleeper(sleeps::add)
                .random(new SplittableRandom(7))
                .clock(InstantSource.fixed(NOW))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(10));
    }

    OpenAiBackend backend(FakeOpenAiServer server) { return OpenAiBackend.create(config(server).build()); }

    static GenerationRequest ask(String question, int n) {
        return GenerationRequest.of("fake-model", List.of(Message.user(question)), n);
    }

    static double dollars(long in, long out) { return (in * 1.0 + out * 2.0) / 1e6; }
}
