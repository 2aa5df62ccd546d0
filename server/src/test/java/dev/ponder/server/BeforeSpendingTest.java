package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.server.config.PlainCompletions;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What would fail only after spending is refused before the first upstream call, with nothing booked. */
@Timeout(60)
class BeforeSpendingTest {
    @TempDir Path dir;

    private ProxyConfig.Builder config(FakeOpenAiServer up) {
        return Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())),
                List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(10.0), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir)
                .toBuilder();
    }

    private static JsonNode error(Http.Response r, int status) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        return RelayTest.JSON.readTree(r.body()).path("error");
    }

    private static Http.Response ask(ProxyServer p, String body) {
        return Http.post(Fixtures.root(p), "v1/chat/completions", body, "Authorization", "Bearer sk-k");
    }

    @Test
    void a_strategy_that_needs_a_checker_and_has_none_is_a_400_before_any_call_streamed_or_not() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = Fixtures.start(config(up).build())) {
            for (String extra : List.of("", "\"stream\": true", "\"n\": 2")) {
                JsonNode e = error(ask(proxy, Fixtures.chat("verify@3:fake-model", "hi", extra)), 400);
                assertThat(e.path("param").asText()).isEqualTo("ponder.checker");
                assertThat(e.path("message").asText()).contains("verify@3 needs a checker").contains("regex:PATTERN");
            }
            assertThat(up.requestCount()).isZero();
        }
        assertThat(dir.resolve("ledger.jsonl")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());
    }

    @Test
    void a_strategy_over_the_sample_cap_is_a_400_naming_the_cap_and_never_reaches_the_upstream() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = Fixtures.start(config(up).build());
             var capped = Fixtures.start(config(up).maxSamples(8).build())) {
            JsonNode e = error(ask(proxy, Fixtures.chat("vote@100000:fake-model", "hi", "")), 400);
            assertThat(e.path("param").asText()).isEqualTo("model");
            assertThat(e.path("message").asText()).contains("100000 samples").contains("cap of 64").contains("server.max_samples");
            assertThat(error(ask(capped, Fixtures.chat("vote@9:fake-model", "hi", "")), 400).path("message").asText()).contains("cap of 8");
            assertThat(up.requestCount()).isZero();
            assertThat(ask(capped, Fixtures.chat("vote@8:fake-model", "hi", "")).status()).isEqualTo(200);
            assertThat(up.requests()).allSatisfy(r -> assertThat(r.n()).isLessThanOrEqualTo(8));
        }
    }

    @Test
    void checkers_are_named_in_the_config_per_upstream_or_per_request() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text(r.seq() == 0 ? "The answer is 41." : "The answer is 42.")));
             var byConfig = Fixtures.start(config(up).checker("regex:^42$").build());
             var plain = Fixtures.start(config(up).build())) {
            JsonNode d = RelayTest.ok(ask(byConfig, Fixtures.chat("verify@3:fake-model", "hi", "")));
            assertThat(d.path("choices").get(0).path("message").path("content").asText()).isEqualTo("The answer is 42.");
            JsonNode m = RelayTest.ok(ask(plain, Fixtures.chat("verify@3:fake-model", "What is 6 x 7?",
                    "\"ponder\": {\"checker\": \"math\", \"reference\": \"42\"}")));
            assertThat(m.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo("42");
            JsonNode bad = error(ask(plain, Fixtures.chat("verify@3:fake-model", "hi", "\"ponder\": {\"checker\": \"llm-judge:nobody\"}")), 400);
            assertThat(bad.path("message").asText()).contains("nobody is not a served upstream model");
            assertThat(error(ask(plain, Fixtures.chat("verify@3:fake-model", "hi", "\"ponder\": {\"checker\": \"tea-leaves\"}")), 400)
                    .path("message").asText()).contains("unknown checker \"tea-leaves\"");
        }
        try (var up = FakeOpenAiServer.start(); var perUpstream = Fixtures.start(config(up).upstreams(List.of(new UpstreamConfig("up", up.baseUrl(),
                Optional.empty(), Map.of("fake-model", "fake-upstream-model"), 0, Duration.ofMillis(1), Duration.ofSeconds(20), "number",
                PlainCompletions.AUTO, false, Optional.of("regex:42"), UpstreamConfig.Kind.OPENAI))).build())) {
            assertThat(RelayTest.ok(ask(perUpstream, Fixtures.chat("verify@2:fake-model", "hi", ""))).path("ponder").path("runs").get(0)
                    .path("answer").asText()).isEqualTo("42");
        }
    }

    @Test
    void unpriced_models_warn_once_and_are_refused_under_require_prices() throws Exception {
        PriceCatalogue none = new PriceCatalogue(Map.of("other", new Price(1, 1)));
        List<String> warnings = new ArrayList<>();
        try (var up = FakeOpenAiServer.start()) {
            ProxyConfig c = config(up).prices(none).build();
            try (var proxy = ProxyServer.start(c, Services.none().withWarnings(warnings::add), InstantSource.system(), new SplittableRandom(1))) {
                RelayTest.ok(ask(proxy, Fixtures.chat("fake-model", "hi", "")));
                RelayTest.ok(ask(proxy, Fixtures.chat("vote@2:fake-model", "hi", "")));
            }
            assertThat(warnings).hasSize(1).first().asString().contains("model fake-model is not in the price catalogue").contains("$0");
            assertThatThrownBy(() -> ProxyServer.start(c.toBuilder().requirePrices(true).build(), Services.none(), InstantSource.system(),
                    new SplittableRandom(1))).hasMessageContaining("require_prices: model fake-model is not in the price catalogue");
        }
    }

    @Test
    void a_budget_refusal_says_what_is_reserved_and_what_is_left() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = Fixtures.start(config(up)
                .keys(List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(0.05), OptionalInt.empty(), Set.of()))).build())) {
            JsonNode e = error(ask(proxy, Fixtures.chat("vote@8:fake-model", "hi", "\"max_tokens\": 100")), 429);
            assertThat(e.path("code").asText()).isEqualTo("budget_exceeded");
            assertThat(e.path("message").asText()).contains("limit $0.050000").contains("left $0.050000")
                    .contains("must reserve at least $0.113000").contains("whole worst case is $0.904000").doesNotContain("spent $0.000000;");
            assertThat(up.requestCount()).isZero();
        }
        assertThat(Files.exists(dir.resolve("ledger.jsonl")) ? Files.readAllLines(dir.resolve("ledger.jsonl")) : List.of()).isEmpty();
    }
}
