package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.server.config.PlainCompletions;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool calls through strategies in OpenAI's dialect, over an OpenAI-compatible upstream and an Anthropic one: samples
 * vote by function and canonical arguments, and the winning call comes back as {@code tool_calls}, streamed or not.
 */
class ToolCallsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOOLS = "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"weather\", \"description\": \"the weather in a city\","
            + " \"parameters\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}, \"days\": {\"type\": \"number\"}}}}}]";
    /** Five samples: three call weather for Paris over 2 days, written three ways; two for Lyon. */
    static final List<FakeOutput> SAMPLES = List.of(FakeOutput.call("weather", "{\"city\": \"Paris\", \"days\": 2}"),
            FakeOutput.call("weather", "{\"city\":\"Lyon\"}"), FakeOutput.call("weather", "{ \"days\": 2.0, \"city\": \"Paris\" }"),
            FakeOutput.call("weather", "{\"city\": \"Lyon\"}").withText("Let me look."), FakeOutput.call("weather", "{\"days\":2e0,\"city\":\"Paris\"}"));
    static final String PARIS = "weather({\"city\":\"Paris\",\"days\":2})";
    @TempDir Path dir;

    static UpstreamConfig anthropic(String name, URI root) {
        return new UpstreamConfig(name, root, Optional.empty(), Map.of("fake-model", "fake-upstream-model"), 0, Duration.ofMillis(1),
                Duration.ofSeconds(20), "exact", PlainCompletions.OFF, false, Optional.empty(), UpstreamConfig.Kind.ANTHROPIC);
    }

    @Test
    void vote_over_tool_calls_returns_the_majority_call_as_tool_calls() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, SAMPLES::get));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@5:fake-model", "weather in Paris for 2 days?", TOOLS));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode choice = JSON.readTree(r.body()).path("choices").get(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            JsonNode call = choice.path("message").path("tool_calls").get(0);
            assertThat(call.path("function").path("name").asText()).isEqualTo("weather");
            assertThat(JSON.readTree(call.path("function").path("arguments").asText()).path("city").asText()).isEqualTo("Paris");
            assertThat(call.path("id").asText()).startsWith("call_weather_");
            assertThat(choice.path("message").path("content").isNull()).isTrue();
            JsonNode run = JSON.readTree(r.body()).path("ponder").path("runs").get(0);
            assertThat(run.path("answer").asText()).isEqualTo(PARIS);
            assertThat(run.path("confidence").asDouble()).isEqualTo(0.6);
            assertThat(up.requests().getFirst().body().path("tools").get(0).path("function").path("name").asText()).isEqualTo("weather");
        }
    }

    @Test
    void a_streamed_vote_sends_the_winning_call_as_a_tool_calls_chunk() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, SAMPLES::get));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            List<String> lines = StreamingTest.stream(Fixtures.root(proxy),
                    Fixtures.chat("vote@5:fake-model", "weather in Paris for 2 days?", TOOLS + ", \"stream\": true"), l -> { });
            assertThat(lines).as("progress names each sample's call").contains(": sample 2/5 answer=weather({\"city\":\"Lyon\"}) tokens=3");
            List<JsonNode> chunks = StreamingTest.data(lines);
            JsonNode calls = chunks.stream().map(c -> c.path("choices").path(0).path("delta").path("tool_calls")).filter(JsonNode::isArray)
                    .findFirst().orElseThrow();
            assertThat(calls.get(0).path("index").asInt()).isZero();
            assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("weather");
            assertThat(chunks.stream().map(c -> c.path("choices").path(0).path("finish_reason").asText()).toList()).contains("tool_calls");
        }
    }

    @Test
    void an_anthropic_upstream_votes_over_tool_calls_beside_an_openai_one() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(SAMPLES.get(Math.floorMod(r.seq(), SAMPLES.size()))));
             var proxy = Fixtures.start(Fixtures.config(List.of(anthropic("claude", up.root())), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("vote@5:fake-model", "weather in Paris for 2 days?", TOOLS));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo(PARIS);
            assertThat(body.path("choices").get(0).path("message").path("tool_calls").get(0).path("function").path("name").asText()).isEqualTo("weather");
            assertThat(up.requests()).hasSize(5).allSatisfy(q -> {
                assertThat(q.messagesApi()).isTrue();
                assertThat(q.body().path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
            });
            var single = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "hi", ""));
            assertThat(single.status()).as("single on an Anthropic upstream runs on the engine: " + single.body()).isEqualTo(200);
        }
    }
}
