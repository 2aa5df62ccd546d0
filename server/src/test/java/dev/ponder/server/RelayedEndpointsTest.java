package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/completions} and {@code POST /v1/embeddings} relayed as gateways relay them, with their tokens and dollars booked. */
@Timeout(60)
class RelayedEndpointsTest {
    static final String EMBEDDING = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,-0.2]},"
            + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.3,0.4]}],\"model\":\"fake-upstream-model\","
            + "\"usage\":{\"prompt_tokens\":7,\"total_tokens\":7}}";
    @TempDir Path dir;

    private ProxyServer proxy(FakeOpenAiServer up) {
        return Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())),
                List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(10.0), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir));
    }

    private List<JsonNode> ledger() throws Exception {
        return Files.readAllLines(dir.resolve("ledger.jsonl"), StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return RelayTest.JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void a_completion_is_relayed_as_written_and_booked() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = proxy(up)) {
            var r = Http.post(Fixtures.root(proxy), "v1/completions", "{\"model\": \"fake-model\", \"prompt\": \"Say\", \"max_tokens\": 9,"
                    + " \"echo\": false, \"suffix\": \"!\"}", "Authorization", "Bearer sk-k");
            JsonNode d = RelayTest.ok(r);
            assertThat(d.path("id").asText()).startsWith("cmpl-");
            assertThat(d.path("model").asText()).isEqualTo("fake-model");
            assertThat(d.path("choices").get(0).path("text").asText()).isEqualTo("The answer is 42.");
            assertThat(d.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
            assertThat(d.path("ponder").path("dollars").asDouble()).isCloseTo(0.005, Offset.offset(1e-9));
            JsonNode sent = up.requests().getFirst().body();
            assertThat(up.requests().getFirst().path()).endsWith("/v1/completions");
            assertThat(sent.path("model").asText()).isEqualTo("fake-upstream-model");
            assertThat(sent.path("suffix").asText()).isEqualTo("!");
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(9);
            JsonNode booked = ledger().getFirst();
            assertThat(booked.path("output_tokens").asInt()).isEqualTo(4);
            assertThat(booked.path("dollars").asDouble()).isCloseTo(0.005, Offset.offset(1e-9));
            assertThat(Http.get(Fixtures.root(proxy), "metrics", "Authorization", "Bearer sk-k").body())
                    .containsPattern("ponder_tokens_total\\{[^}]*kind=\"output\"[^}]*\\} 4.0");
        }
    }

    @Test
    void a_streamed_completion_passes_through_chunk_by_chunk_and_is_booked() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = proxy(up)) {
            var r = Http.post(Fixtures.root(proxy), "v1/completions", "{\"model\": \"fake-model\", \"prompt\": \"Say\", \"stream\": true,"
                    + " \"stream_options\": {\"include_usage\": true}}", "Authorization", "Bearer sk-k");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"text\":\" answer\"").contains("text_completion").endsWith("data: [DONE]\n\n");
            assertThat(up.requests().getFirst().path()).endsWith("/v1/completions");
            assertThat(ledger().getFirst().path("output_tokens").asInt()).isEqualTo(4);
        }
    }

    @Test
    void an_embedding_is_relayed_and_its_input_tokens_booked() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", EMBEDDING)); var proxy = proxy(up)) {
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/embeddings", "{\"model\": \"fake-model\", \"input\": [\"a b\", \"c\"],"
                    + " \"dimensions\": 2}", "Authorization", "Bearer sk-k"));
            assertThat(d.path("data")).hasSize(2);
            assertThat(d.path("model").asText()).isEqualTo("fake-model");
            assertThat(d.path("usage").path("prompt_tokens").asInt()).isEqualTo(7);
            assertThat(up.requests().getFirst().body().path("dimensions").asInt()).isEqualTo(2);
            JsonNode booked = ledger().getFirst();
            assertThat(booked.path("input_tokens").asInt()).isEqualTo(7);
            assertThat(booked.path("output_tokens").asInt()).isZero();
            assertThat(booked.path("dollars").asDouble()).isCloseTo(0.007, Offset.offset(1e-9));
        }
    }

    @Test
    void relayed_endpoints_refuse_strategies_and_tell_upstream_failures_as_upstream_errors() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.error(401, "Incorrect API key provided")); var proxy = proxy(up)) {
            var strategy = Http.post(Fixtures.root(proxy), "v1/completions", "{\"model\": \"vote@3:fake-model\", \"prompt\": \"Say\"}",
                    "Authorization", "Bearer sk-k");
            assertThat(strategy.status()).isEqualTo(400);
            assertThat(strategy.body()).contains("plain upstream model");
            for (String path : List.of("v1/completions", "v1/embeddings")) {
                var r = Http.post(Fixtures.root(proxy), path, "{\"model\": \"fake-model\", \"prompt\": \"Say\", \"input\": \"x\"}",
                        "Authorization", "Bearer sk-k");
                assertThat(r.status()).as(r.body()).isEqualTo(502);
                assertThat(RelayTest.JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("upstream_error");
            }
            assertThat(Http.post(Fixtures.root(proxy), "v1/embeddings", "{\"model\": \"fake-model\"}", "Authorization", "Bearer sk-k").body())
                    .contains("\"param\":\"input\"");
        }
    }
}
