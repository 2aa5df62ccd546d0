package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.TelemetryConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace docs/telemetry.md shows is the one the receiver decodes for that request today: a vote@3 through the proxy
 * under a client's traceparent, two of three samples agreeing. Span ids and ports change every run and are not printed.
 */
class TelemetryDocTest {
    static final String MARK = "<!-- receiver: proxy vote@3 -->";
    /** Ponder's trace ids start with the time: a fixed clock keeps them the same every run. */
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-12-03T18:00:00Z"));
    @TempDir Path dir;

    @Test
    void the_docs_show_the_tree_the_receiver_decodes_for_a_proxy_vote() throws Exception {
        String tree;
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("6 x 7 = " + (i < 2 ? 42 : 48) + ". The answer is "
                     + (i < 2 ? 42 : 48) + ".")))) {
            UpstreamConfig openai = new UpstreamConfig("openai", up.baseUrl(), Optional.empty(), Map.of("gpt-4o-mini", "gpt-4o-mini"), 0,
                    Duration.ofMillis(1), Duration.ofSeconds(20), "number");
            ProxyConfig c = ProxyConfig.builder().port(0).upstreams(List.of(openai)).baseDir(dir)
                    .prices(new PriceCatalogue(Map.of("gpt-4o-mini", new Price(0.15, 0.60))))
                    .telemetry(TelemetryConfig.of(URI.create(receiver.baseUrl()))).build();
            try (ProxyServer p = ProxyServer.start(c, f -> { throw new IllegalStateException("no router"); }, CLOCK, new SplittableRandom(11))) {
                var r = Http.post(Fixtures.root(p), "v1/chat/completions", Fixtures.chat("vote@3:gpt-4o-mini", "What is 6 x 7?", "\"seed\": 7"),
                        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            tree = receiver.tree(List.of("gen_ai.", "ponder.", "server.address", "http.", "error."));
        }
        String doc = Files.readString(docs().resolve("telemetry.md"));
        int at = doc.indexOf(MARK);
        assertThat(at).as("docs/telemetry.md has the block after " + MARK).isNotNegative();
        String block = doc.substring(doc.indexOf("```text\n", at) + 8, doc.indexOf("```\n", doc.indexOf("```text\n", at) + 8));
        assertThat(block).as("docs/telemetry.md's block after %s; the receiver decoded now:%n%s", MARK, tree).isEqualTo(tree);
    }

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) if (Files.isDirectory(p.resolve("docs"))) return p.resolve("docs");
        throw new IllegalStateException("no docs/ above " + Path.of("").toAbsolutePath());
    }
}
