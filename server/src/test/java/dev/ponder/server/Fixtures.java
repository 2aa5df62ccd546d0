package dev.ponder.server;

import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Proxy configurations over fake upstreams for the tests. */
final class Fixtures {
    /** $1000 per million tokens in and out: one token costs a tenth of a cent, so budgets are easy to reason about. */
    static final PriceCatalogue PRICES = new PriceCatalogue(Map.of("fake-model", new Price(1000, 1000)));

    private Fixtures() {}

    static UpstreamConfig upstream(String name, URI base) { return upstream(name, base, Duration.ofSeconds(20)); }

    /** An upstream that gives up on a call after {@code timeout}, with no retries. */
    static UpstreamConfig upstream(String name, URI base, Duration timeout) {
        return new UpstreamConfig(name, base, Optional.empty(), Map.of("fake-model", "fake-upstream-model"), 0,
                Duration.ofMillis(1), timeout, "number");
    }

    static ProxyConfig config(List<UpstreamConfig> upstreams, List<KeyConfig> keys, Optional<String> ledger, Path dir) {
        return ProxyConfig.builder().port(0).maxBodyBytes(64 * 1024).upstreams(upstreams).keys(keys).ledger(ledger).baseDir(dir).prices(PRICES)
                .build();
    }

    /** The proxy on {@code c}, its trace ids and request seeds drawn from a seeded generator. */
    static ProxyServer start(ProxyConfig c) { return start(c, 11); }

    static ProxyServer start(ProxyConfig c, long seed) {
        return ProxyServer.start(c, file -> { throw new IllegalStateException("no router in this test"); }, InstantSource.system(),
                new SplittableRandom(seed));
    }

    static URI root(ProxyServer s) { return URI.create("http://127.0.0.1:" + s.port() + "/"); }

    static String chat(String model, String question, String extra) {
        return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"" + question + "\"}]"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }
}
