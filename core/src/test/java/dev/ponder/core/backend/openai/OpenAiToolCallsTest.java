package dev.ponder.core.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tools offered, tool calls read (whole and streamed), and a tool conversation written in OpenAI's shape. */
class OpenAiToolCallsTest {
    static final Map<String, Object> TOOLS = Map.of("tools", List.of(Map.of("type", "function", "function",
            Map.of("name", "weather", "parameters", Map.of("type", "object")))));
    private final Fixture fx = new Fixture();

    static GenerationRequest conversation() {
        List<Message> ms = List.of(Message.user("Weather in Paris and Rome?"),
                Message.assistant("", List.of(new ToolCall("call_0", "weather", "{\"city\":\"Paris\"}"))),
                Message.tool("call_0", "sunny"));
        return new GenerationRequest("fake-model", ms, 1, Optional.empty(), Optional.empty(), TOOLS);
    }

    @Test
    void tool_calls_come_back_with_their_arguments_and_the_conversation_goes_out_in_openai_shape() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.call("weather", "{\"city\": \"Rome\"}")))) {
            Generation g = fx.backend(server).generate(conversation()).generations().getFirst();
            assertThat(g.finishReason()).isEqualTo("tool_calls");
            assertThat(g.toolCalls()).containsExactly(new ToolCall(g.toolCalls().getFirst().id(), "weather", "{\"city\": \"Rome\"}"));
            assertThat(g.usage().outputTokens()).isPositive();
            JsonNode sent = server.requests().getFirst().body();
            assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("weather");
            JsonNode call = sent.path("messages").get(1);
            assertThat(call.path("content").isNull()).isTrue();
            assertThat(call.path("tool_calls").get(0).path("function").path("arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
            assertThat(sent.path("messages").get(2).path("tool_call_id").asText()).isEqualTo("call_0");
        }
    }

    @Test
    void streamed_tool_calls_are_put_together_from_their_pieces() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(
                FakeOutput.calls(new ToolCall("c1", "weather", "{\"city\": \"Rome\", \"days\": 3}"), new ToolCall("c2", "time", "{}"))
                        .withText("Let me look.")))) {
            List<Delta> deltas = new ArrayList<>();
            Generation g = fx.backend(server).stream(conversation(), deltas::add).generations().getFirst();
            assertThat(g.text()).isEqualTo("Let me look.");
            assertThat(g.toolCalls()).containsExactly(new ToolCall("c1", "weather", "{\"city\": \"Rome\", \"days\": 3}"), new ToolCall("c2", "time", "{}"));
            assertThat(deltas).extracting(Delta::text).containsExactly("Let", " me", " look.");
        }
    }
}
