package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official Anthropic Java SDK calling tools through the proxy's Messages API over a fake upstream: {@code single}
 * hands back the upstream's call (relayed, streamed chunk by chunk), {@code vote@5} and {@code adaptive} vote over calls,
 * thinking comes back as thinking blocks, and a tool result goes back to the upstream as a tool message.
 */
class AnthropicToolUseTest {
    static final Tool WEATHER = Tool.builder().name("weather").description("the weather in a city")
            .inputSchema(Tool.InputSchema.builder().putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"),
                    "days", Map.of("type", "number")))).build()).build();
    @TempDir Path dir;

    static MessageCreateParams.Builder ask(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024L).addTool(WEATHER).addUserMessage("weather in Paris for 2 days?");
    }

    ProxyServer proxy(FakeOpenAiServer up, UpstreamConfig.Kind kind) {
        UpstreamConfig u = kind == UpstreamConfig.Kind.OPENAI ? Fixtures.upstream("a", up.baseUrl()) : ToolCallsTest.anthropic("c", up.root());
        return Fixtures.start(Fixtures.config(List.of(u), List.of(), Optional.empty(), dir));
    }

    static ToolUseBlock call(Message m) {
        assertThat(m.stopReason()).contains(StopReason.TOOL_USE);
        return m.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
    }

    static JsonNode input(ToolUseBlock b) { return ToolCallsTest.JSON.valueToTree(b._input()); }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void single_hands_back_the_upstream_s_call_and_sends_the_tool_result_back(boolean stream) throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.call("weather", "{\"city\": \"Paris\", \"days\": 2}")));
             var proxy = proxy(up, UpstreamConfig.Kind.OPENAI); var sdk = AnthropicSdkTest.open(proxy)) {
            AnthropicClient client = sdk.client();
            Message m = stream ? AnthropicSdkTest.stream(client, ask("fake-model").build()).message() : client.messages().create(ask("fake-model").build());
            m.validate();
            ToolUseBlock use = call(m);
            assertThat(use.name()).isEqualTo("weather");
            assertThat(input(use).path("city").asText()).isEqualTo("Paris");
            assertThat(use.id()).startsWith("call_weather_");
            assertThat(m.usage().inputTokens()).isPositive();
            JsonNode sent = up.requests().getFirst().body();
            assertThat(sent.path("tools").get(0).path("function").path("parameters").path("properties").path("city").path("type").asText()).isEqualTo("string");
            client.messages().create(ask("fake-model").addMessage(m).addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                    ToolResultBlockParam.builder().toolUseId(use.id()).content("sunny, 24 C").build()))).build());
            JsonNode turns = up.requests().getLast().body().path("messages");
            assertThat(turns.get(1).path("tool_calls").get(0).path("id").asText()).isEqualTo(use.id());
            assertThat(turns.get(2).path("role").asText()).isEqualTo("tool");
            assertThat(turns.get(2).path("tool_call_id").asText()).isEqualTo(use.id());
            assertThat(turns.get(2).path("content").asText()).isEqualTo("sunny, 24 C");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vote@5:fake-model", "vote@5:fake-model stream"})
    void vote_returns_the_majority_call_as_tool_use(String how) throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, ToolCallsTest.SAMPLES::get));
             var proxy = proxy(up, UpstreamConfig.Kind.OPENAI); var sdk = AnthropicSdkTest.open(proxy)) {
            AnthropicClient client = sdk.client();
            MessageCreateParams p = ask(how.split(" ")[0]).build();
            Message m = how.endsWith("stream") ? AnthropicSdkTest.stream(client, p).message() : client.messages().create(p);
            m.validate();
            JsonNode in = input(call(m));
            assertThat(in.path("city").asText()).isEqualTo("Paris");
            assertThat(in.path("days").asDouble()).isEqualTo(2.0);
            assertThat(m.usage().outputTokens()).as("every sample's tokens").isPositive();
        }
    }

    @Test
    void adaptive_stops_once_the_calls_agree() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.call("weather", i % 2 == 0 ? "{\"city\":\"Paris\"}" : "{ \"city\" : \"Paris\" }")));
             var proxy = proxy(up, UpstreamConfig.Kind.OPENAI); var sdk = AnthropicSdkTest.open(proxy)) {
            AnthropicClient client = sdk.client();
            Message m = client.messages().create(ask("adaptive:fake-model").build());
            assertThat(input(call(m)).path("city").asText()).isEqualTo("Paris");
        }
    }

    @Test
    void an_anthropic_upstream_behind_the_messages_front_votes_over_calls() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(ToolCallsTest.SAMPLES.get(Math.floorMod(r.seq(), 5))));
             var proxy = proxy(up, UpstreamConfig.Kind.ANTHROPIC); var sdk = AnthropicSdkTest.open(proxy)) {
            AnthropicClient client = sdk.client();
            Message m = AnthropicSdkTest.stream(client, ask("vote@5:fake-model").build()).message();
            assertThat(input(call(m)).path("city").asText()).isEqualTo("Paris");
            assertThat(up.requests()).hasSize(5).allSatisfy(q -> assertThat(q.body().path("tools").get(0).path("name").asText()).isEqualTo("weather"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void thinking_comes_back_as_a_thinking_block_before_the_text(boolean stream) throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.thinking("Paris in spring: mild.", "Sunny, 24 C.")));
             var proxy = proxy(up, UpstreamConfig.Kind.OPENAI); var sdk = AnthropicSdkTest.open(proxy)) {
            AnthropicClient client = sdk.client();
            MessageCreateParams p = MessageCreateParams.builder().model("fake-model").maxTokens(1024L).addUserMessage("weather in Paris?").build();
            Message m = stream ? AnthropicSdkTest.stream(client, p).message() : client.messages().create(p);
            m.validate();
            List<ContentBlock> blocks = m.content();
            assertThat(blocks.getFirst().thinking().orElseThrow().thinking()).isEqualTo("Paris in spring: mild.");
            assertThat(blocks.getFirst().thinking().orElseThrow().signature()).startsWith("ponder:");
            assertThat(AnthropicSdkTest.text(m)).isEqualTo("Sunny, 24 C.");
            assertThat(m.stopReason()).contains(StopReason.END_TURN);
        }
    }
}
