package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.server.config.CalibrationConfig;
import dev.ponder.server.config.PlainCompletions;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adaptive} on an upstream configured to give log-probabilities asks for them, weighs each sample by its DeepConf
 * confidence, and drops the least confident from the vote once the model's floor is set.
 */
@Timeout(60)
class LogprobsTest {
    @TempDir Path dir;

    /**
     * Samples 0, 1, 2 of every 5 say 9 unsure (log-probability -1.2 a token, close alternatives: DeepConf confidence 1.44),
     * samples 3, 4 say 7 sure (-0.05, far alternatives: 4.41); one sample in 20 says 9 very unsure (confidence 0.5).
     */
    private static FakeOpenAiServer.Handler unsureMajority(AtomicInteger drawn) {
        return (FakeRequest r) -> {
            ObjectNode body = RelayTest.JSON.createObjectNode().put("id", "x").put("object", "chat.completion").put("model", r.model());
            ArrayNode choices = body.putArray("choices");
            for (int i = 0; i < r.n(); i++) {
                int k = drawn.getAndIncrement();
                boolean sure = k % 5 >= 3;
                String answer = sure ? "7" : "9";
                List<Double> tops = sure ? List.of(-0.05, -4.0, -5.0, -6.0, -7.0) : k % 20 == 0 ? List.of(-0.6, -0.3, -0.4, -0.6, -0.6)
                        : List.of(-1.2, -1.2, -1.3, -1.5, -2.0);
                ObjectNode c = choices.addObject().put("index", i).put("finish_reason", "stop");
                c.putObject("message").put("role", "assistant").put("content", "The answer is " + answer + ".");
                if (r.body().path("logprobs").asBoolean(false)) {
                    ArrayNode tokens = c.putObject("logprobs").putArray("content");
                    for (String t : List.of("The", " answer", " is", " " + answer, ".")) {
                        ObjectNode tok = tokens.addObject().put("token", t).put("logprob", tops.getFirst());
                        ArrayNode top = tok.putArray("top_logprobs");
                        for (double x : tops) top.addObject().put("token", t).put("logprob", x);
                    }
                }
            }
            body.putObject("usage").put("prompt_tokens", 3).put("completion_tokens", 5 * r.n()).put("total_tokens", 3 + 5 * r.n());
            return new FakeReply.Raw(200, "application/json", body.toString());
        };
    }

    private ProxyServer proxy(FakeOpenAiServer up, boolean logprobs) {
        return Fixtures.start(Fixtures.config(List.of(new UpstreamConfig("up", up.baseUrl(), Optional.empty(), Map.of("fake-model", "fake-upstream-model"),
                0, Duration.ofMillis(1), Duration.ofSeconds(20), "number", PlainCompletions.AUTO, logprobs, Optional.empty(), UpstreamConfig.Kind.OPENAI)), List.of(), Optional.empty(), dir)
                .toBuilder().calibration(CalibrationConfig.live(1e-9)).build());
    }

    private static JsonNode ask(ProxyServer p, String model) throws Exception {
        return RelayTest.ok(Http.post(Fixtures.root(p), "v1/chat/completions", Fixtures.chat(model, "What is it?", "")));
    }

    @Test
    void adaptive_asks_for_logprobs_and_the_sure_minority_outweighs_the_unsure_majority() throws Exception {
        try (var up = FakeOpenAiServer.start(unsureMajority(new AtomicInteger())); var proxy = proxy(up, true)) {
            JsonNode d = ask(proxy, "adaptive:fake-model");
            assertThat(d.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo("7");
            assertThat(up.requests()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.body().path("logprobs").asBoolean()).isTrue();
                assertThat(r.body().path("top_logprobs").asInt()).isEqualTo(5);
            });
            int before = up.requestCount();
            assertThat(ask(proxy, "vote@5:fake-model").path("ponder").path("runs").get(0).path("answer").asText())
                    .as("other strategies do not ask, and vote plainly").isEqualTo("9");
            assertThat(up.requests().subList(before, up.requestCount())).allSatisfy(r -> assertThat(r.body().has("logprobs")).isFalse());
            for (int i = 0; i < 4; i++) ask(proxy, "adaptive:fake-model");
            JsonNode floor = RelayTest.JSON.readTree(Http.get(Fixtures.root(proxy), "v1/ponder/calibration").body()).path("models").get(0)
                    .path("confidence_floor");
            assertThat(floor.path("samples_seen").asInt()).isGreaterThan(16);
            assertThat(floor.path("lowest_group_confidence").asDouble()).as("the 10th percentile: the unsure ones'").isCloseTo(1.44, within(1e-9));
            assertThat(floor.path("dropped").asInt()).as("the very unsure, once the warm-up is in").isPositive();
        }
    }

    @Test
    void an_upstream_not_configured_for_logprobs_is_not_asked_and_votes_plainly() throws Exception {
        try (var up = FakeOpenAiServer.start(unsureMajority(new AtomicInteger())); var proxy = proxy(up, false)) {
            JsonNode d = ask(proxy, "adaptive:fake-model");
            assertThat(d.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo("9");
            assertThat(up.requests()).allSatisfy(r -> assertThat(r.body().has("logprobs")).isFalse());
        }
    }
}
