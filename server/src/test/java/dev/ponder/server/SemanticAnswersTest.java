package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.WordVectors;
import dev.ponder.server.config.PlainCompletions;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Free-form answers in the proxy: {@code semantic} groups by meaning with the embedding the embedder gives; {@code usc} asks once more. */
@Timeout(60)
class SemanticAnswersTest {
    private static final List<String> SAID = List.of("The capital of France is Paris.", "Paris is the capital city of France.",
            "It is Lyon, I believe.", "France's capital is Paris.");
    @TempDir Path dir;

    private ProxyConfig config(FakeOpenAiServer up, String answer) {
        return Fixtures.config(List.of(new UpstreamConfig("up", up.baseUrl(), Optional.empty(), Map.of("fake-model", "fake-upstream-model"), 0,
                Duration.ofMillis(1), Duration.ofSeconds(20), answer, PlainCompletions.AUTO, false, Optional.empty(), UpstreamConfig.Kind.OPENAI)), List.of(), Optional.empty(), dir);
    }

    private static FakeOpenAiServer paraphrases() {
        return FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text(SAID.get((r.seq() * r.n() + i) % SAID.size()))));
    }

    @Test
    void semantic_votes_by_meaning_with_the_grouping_it_was_given_and_is_refused_at_start_without_one() throws Exception {
        Services words = Services.none().withSemantic(AnswerExtractor.semantic(new WordVectors(), 0.5));
        try (var up = paraphrases(); var proxy = ProxyServer.start(config(up, "semantic"), words, InstantSource.system(), new SplittableRandom(3))) {
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@4:fake-model", "Capital of France?", "")));
            JsonNode run = d.path("ponder").path("runs").get(0);
            assertThat(d.path("choices").get(0).path("message").path("content").asText()).contains("Paris");
            assertThat(run.path("confidence").asDouble()).isEqualTo(0.75);
        }
        try (var up = paraphrases()) {
            assertThatThrownBy(() -> ProxyServer.start(config(up, "semantic"), Services.none(), InstantSource.system(), new SplittableRandom(3)))
                    .hasMessageContaining("upstream answer for model fake-model").hasMessageContaining("\"semantic\" needs an embedding model");
        }
    }

    @Test
    void usc_asks_the_model_once_more_to_pick_the_consensus_and_counts_that_call() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> r.allPromptText().contains("most consistent") || r.allPromptText().contains("Response 1")
                ? FakeReply.texts("The most consistent response is Response 2.") : FakeReply.each(r, i -> FakeOutput.text(SAID.get(i % 3))));
             var proxy = Fixtures.start(config(up, "usc"))) {
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@3:fake-model", "Capital of France?", "")));
            assertThat(d.path("ponder").path("samples").asInt()).isEqualTo(3);
            assertThat(up.requestCount()).as("the samples' call and the judge's").isEqualTo(2);
            assertThat(d.path("ponder").path("calls").asInt()).isEqualTo(2);
            assertThat(d.path("usage").path("total_tokens").asInt()).isGreaterThan(up.requests().getFirst().n());
        }
    }

    @Test
    void usc_reserves_room_for_its_judge_call() throws Exception {
        double[] worst = new double[2];
        List<String> kinds = List.of("exact", "usc");
        for (int i = 0; i < 2; i++) {
            try (var up = paraphrases(); var proxy = Fixtures.start(config(up, kinds.get(i)).toBuilder().keys(List.of(KeysAndBudgetsTest.key("k", "sk-k",
                    Optional.of(0.0001), OptionalInt.empty(), Set.of()))).build())) {
                var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@3:fake-model", "Capital?", "\"max_tokens\": 10"),
                        "Authorization", "Bearer sk-k");
                assertThat(r.status()).isEqualTo(429);
                var m = Pattern.compile("whole worst case is \\$([0-9.]+)").matcher(r.body());
                assertThat(m.find()).as(r.body()).isTrue();
                worst[i] = Double.parseDouble(m.group(1));
            }
        }
        assertThat(worst[1]).isCloseTo(worst[0] * 4 / 3, Offset.offset(1e-6));
    }
}
