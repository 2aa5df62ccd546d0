package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CascadeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The strong tier costs a thousand times the cheap one per token. */
    static final PriceCatalogue PRICES = new PriceCatalogue(Map.of("cheap", new Price(1, 1), "strong", new Price(1000, 1000)));
    @TempDir Path dir;

    static UpstreamConfig upstream(String name, URI base, String model) {
        return new UpstreamConfig(name, base, Optional.empty(), Map.of(model, model + "-upstream"), 0, Duration.ofMillis(1),
                Duration.ofSeconds(20), "number");
    }

    static ProxyConfig config(URI cheap, URI strong, Path dir) {
        return ProxyConfig.builder().port(0).maxBodyBytes(64 * 1024)
                .upstreams(List.of(upstream("up-cheap", cheap, "cheap"), upstream("up-strong", strong, "strong"))).baseDir(dir).prices(PRICES).build();
    }

    /** Every cheap sample answers differently (a split vote); the strong tier always answers 42. */
    static FakeOpenAiServer splitting() {
        return FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + (100 + r.seq() * 10 + i) + ".")));
    }

    @Test
    void a_split_vote_on_the_cheap_tier_escalates_and_both_tiers_are_paid_for() throws Exception {
        try (var cheap = splitting(); var strong = FakeOpenAiServer.start();
             var proxy = Fixtures.start(config(cheap.baseUrl(), strong.baseUrl(), dir), 5)) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("cascade@3:cheap>strong", "what is six times seven", "\"max_tokens\": 10"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("choices").get(0).path("message").path("content").asText()).contains("42");
            assertThat(body.path("ponder").path("strategy").asText()).isEqualTo("cascade@3");
            assertThat(cheap.requestCount()).isPositive();
            assertThat(strong.requestCount()).isPositive();
            assertThat(cheap.requests()).allSatisfy(q -> assertThat(q.model()).isEqualTo("cheap-upstream"));
            assertThat(strong.requests()).allSatisfy(q -> assertThat(q.model()).isEqualTo("strong-upstream"));

            JsonNode trace = JSON.readTree(Http.get(Fixtures.root(proxy), "v1/ponder/traces/" + body.path("ponder").path("trace_id").asText()).body());
            Set<String> models = new HashSet<>();
            double cheapDollars = 0, strongDollars = 0;
            long tokens = 0;
            for (JsonNode c : trace.path("runs").get(0).path("calls")) {
                models.add(c.path("model").asText());
                tokens += c.path("input_tokens").asLong() + c.path("output_tokens").asLong();
                if (c.path("model").asText().equals("cheap")) cheapDollars += c.path("dollars").asDouble();
                else strongDollars += c.path("dollars").asDouble();
            }
            assertThat(models).containsExactlyInAnyOrder("cheap", "strong");
            assertThat(cheapDollars).isPositive();
            assertThat(strongDollars).isGreaterThan(cheapDollars * 100);
            assertThat(body.path("ponder").path("dollars").asDouble()).isCloseTo(cheapDollars + strongDollars, Offset.offset(1e-12));
            assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(tokens);
        }
    }

    @Test
    void an_agreeing_cheap_tier_never_reaches_the_strong_one() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = Fixtures.start(config(cheap.baseUrl(), strong.baseUrl(), dir), 5)) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("cascade:cheap>strong", "what is six times seven", ""));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(cheap.requestCount()).isPositive();
            assertThat(strong.requestCount()).isZero();
        }
    }

    @Test
    void unknown_tiers_and_other_strategies_are_400_naming_the_model_field() throws Exception {
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start();
             var proxy = Fixtures.start(config(cheap.baseUrl(), strong.baseUrl(), dir), 5)) {
            var unknown = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("cascade:cheap>o3-mini", "hi", ""));
            assertThat(unknown.status()).isEqualTo(400);
            JsonNode e = JSON.readTree(unknown.body()).path("error");
            assertThat(e.path("param").asText()).isEqualTo("model");
            assertThat(e.path("message").asText()).contains("o3-mini").contains("not served").contains("cheap, strong");
            var vote = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@3:cheap>strong", "hi", ""));
            assertThat(vote.status()).isEqualTo(400);
            assertThat(JSON.readTree(vote.body()).path("error").path("message").asText()).contains("needs the cascade strategy");
            assertThat(cheap.requestCount() + strong.requestCount()).isZero();
        }
    }
}
