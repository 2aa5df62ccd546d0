package dev.ponder.core.backend.anthropic;

import static dev.ponder.core.backend.anthropic.AnthropicFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.core.trace.Trace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Messages API backend against a fake Anthropic upstream: bodies, answers, streams, thinking and tool use. */
class AnthropicBackendTest {
    private final AnthropicFixture fx = new AnthropicFixture();

    @Test
    void a_plain_call_sends_the_key_version_and_a_messages_body_and_reads_text_and_usage() {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("The answer is 42."))) {
            GenerationRequest r = GenerationRequest.of("claude", List.of(Message.system("Be brief."), Message.user("Six times seven?")), 1);
            Generated got = fx.backend(up.root()).generate(r);
            Generation g = got.generations().getFirst();
            assertThat(g.text()).isEqualTo("The answer is 42.");
            assertThat(g.finishReason()).isEqualTo("stop");
            assertThat(g.usage().inputTokens()).isEqualTo(5);
            assertThat(g.usage().outputTokens()).isEqualTo(4);
            assertThat(g.usage().dollars()).isCloseTo(AnthropicFixture.dollars(5, 4), Offset.offset(1e-12));
            var sent = up.requests().getFirst();
            assertThat(sent.path()).isEqualTo("/v1/messages");
            assertThat(sent.header("x-api-key")).hasValue("sk-ant-test");
            assertThat(sent.header("anthropic-version")).hasValue("2023-06-01");
            assertThat(sent.header("authorization")).isEmpty();
            assertThat(sent.body().path("model").asText()).isEqualTo("claude-fake");
            assertThat(sent.body().path("system").asText()).isEqualTo("Be brief.");
            assertThat(sent.body().path("max_tokens").asInt()).as("required by the API: the default cap").isEqualTo(4096);
            assertThat(sent.body().path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Six times seven?");
        }
    }

    @Test
    void a_stream_hands_over_thinking_and_text_as_they_come_and_assembles_tool_calls() {
        FakeOutput out = new FakeOutput("Let me think it over", "Checking.", List.of(new ToolCall("toolu_1", "weather", "{\"city\": \"Rome\"}")));
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(out))) {
            List<Delta> deltas = new ArrayList<>();
            Generation g = fx.backend(up.root()).stream(ask("Weather?", 1), deltas::add).generations().getFirst();
            assertThat(deltas).extracting(Delta::text).containsExactly("Let", " me", " think", " it", " over", "Checking.");
            assertThat(deltas.getFirst().channel()).isEqualTo(Delta.Channel.REASONING);
            assertThat(g.reasoning()).isEqualTo("Let me think it over");
            assertThat(g.toolCalls()).containsExactly(new ToolCall("toolu_1", "weather", "{\"city\": \"Rome\"}"));
            assertThat(g.finishReason()).isEqualTo("tool_calls");
            assertThat(g.usage().outputTokens()).isEqualTo(5 + 1 + 3);
            assertThat(g.usage().reasoningTokens()).as("estimated from the thinking text's share").isPositive();
            assertThat(up.requests().getFirst().body().path("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void a_tool_conversation_and_openai_style_fields_take_anthropic_shapes() {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.call("weather", "{\"city\":\"Rome\"}")))) {
            Map<String, Object> extra = Map.of("tools", List.of(Map.of("type", "function", "function", Map.of("name", "weather",
                    "description", "today's weather", "parameters", Map.of("type", "object")))), "tool_choice", "required",
                    "parallel_tool_calls", false, "stop", "END", "user", "u-7", "temperature", 0.5, "frequency_penalty", 0);
            List<Message> ms = List.of(Message.user("Paris, then Rome?"), Message.assistant("Paris first.", List.of(new ToolCall("toolu_0", "weather",
                    "{\"city\":\"Paris\"}"))), Message.tool("toolu_0", "sunny"), Message.user("And Rome?"));
            Generation g = fx.backend(up.root()).generate(new GenerationRequest("claude", ms, 1, Optional.of(300), Optional.empty(), extra))
                    .generations().getFirst();
            assertThat(g.toolCalls()).extracting(ToolCall::arguments).containsExactly("{\"city\":\"Rome\"}");
            JsonNode b = up.requests().getFirst().body();
            assertThat(b.path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
            assertThat(b.path("tools").get(0).path("description").asText()).isEqualTo("today's weather");
            assertThat(b.path("tool_choice").toString()).isEqualTo("{\"type\":\"any\",\"disable_parallel_tool_use\":true}");
            assertThat(b.path("stop_sequences").toString()).isEqualTo("[\"END\"]");
            assertThat(b.path("metadata").path("user_id").asText()).isEqualTo("u-7");
            assertThat(b.path("temperature").asDouble()).isEqualTo(0.5);
            assertThat(b.has("frequency_penalty")).as("dropped at its neutral value").isFalse();
            assertThat(b.path("max_tokens").asInt()).isEqualTo(300);
            JsonNode turns = b.path("messages");
            assertThat(turns).hasSize(3);
            assertThat(turns.get(1).path("content").get(1).toString()).isEqualTo("{\"type\":\"tool_use\",\"id\":\"toolu_0\",\"name\":\"weather\",\"input\":{\"city\":\"Paris\"}}");
            assertThat(turns.get(2).path("role").asText()).isEqualTo("user");
            assertThat(turns.get(2).path("content").get(0).toString()).isEqualTo("{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_0\",\"content\":\"sunny\"}");
            assertThat(turns.get(2).path("content").get(1).path("text").asText()).as("the next user text joins the tool results' turn").isEqualTo("And Rome?");
        }
    }

    @Test
    void an_openai_field_with_no_counterpart_is_refused_and_reasoning_effort_is_a_thinking_budget() {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("ok"))) {
            AnthropicBackend b = fx.backend(up.root());
            GenerationRequest penalty = new GenerationRequest("claude", List.of(Message.user("q")), 1, Optional.empty(), Optional.empty(),
                    Map.of("presence_penalty", 0.5));
            assertThatThrownBy(() -> b.generate(penalty)).isInstanceOf(PonderException.class)
                    .hasMessageContaining("presence_penalty has no counterpart in Anthropic's Messages API (was 0.5)");
            b.generate(new GenerationRequest("claude", List.of(Message.user("q")), 1, Optional.of(1000), Optional.empty(), Map.of("reasoning_effort", "medium")));
            JsonNode sent = up.requests().getFirst().body();
            assertThat(sent.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":4096}");
            assertThat(sent.path("max_tokens").asInt()).as("the cap is the answer's share on top of the budget").isEqualTo(5096);
        }
    }

    @Test
    void n_samples_are_n_requests_in_parallel_each_its_own_choice() {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("The answer is " + r.seq()))) {
            Generated got = fx.backend(up.root()).generate(ask("q", 3));
            assertThat(got.generations()).hasSize(3);
            assertThat(up.requestCount()).isEqualTo(3);
            assertThat(got.generations()).extracting(Generation::text).containsExactlyInAnyOrder("The answer is 0", "The answer is 1", "The answer is 2");
            assertThat(fx.backend(up.root()).worstCase(ask("q", 3)).outputTokens()).isEqualTo(3 * 4096);
        }
    }

    @Test
    void think_at_t_leaves_the_budget_to_anthropics_extended_thinking() {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.thinking("six sevens make forty-two", "The answer is 42.")))) {
            InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
            Trace trace = new Trace("t");
            Session s = new Session(new Problem("p", "Six times seven?", "42"), fx.backend(up.root()), ask("Six times seven?", 1),
                    new Meter(Budget.UNLIMITED, clock), trace, AnswerExtractor.number(), false, new SplittableRandom(1), clock);
            Result r = Strategy.parse("think@2048").solve(s);
            assertThat(r.answer()).isEqualTo("42");
            assertThat(r.chosen().orElseThrow().reasoning()).isEqualTo("six sevens make forty-two");
            assertThat(up.requestCount()).isEqualTo(1);
            JsonNode sent = up.requests().getFirst().body();
            assertThat(sent.path("thinking").path("type").asText()).isEqualTo("enabled");
            assertThat(sent.path("thinking").path("budget_tokens").asInt()).as("in any key order").isEqualTo(2048);
            assertThat(sent.path("thinking").size()).isEqualTo(2);
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(2048 + 512);
            assertThat(ThinkRoute.ranIn(trace)).hasValue("provider");
        }
    }
}
