package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.core.trace.Trace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** vote@N, adaptive and best@N over tool calls: samples grouped by function and canonical arguments. */
class ToolCallVoteTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Map<String, Object> TOOLS = Map.of("tools", List.of(Map.of("type", "function", "function",
            Map.of("name", "weather", "parameters", Map.of("type", "object")))));

    /** Choice i of the fake model: Paris (spelt three ways) for 0, 2, 3; Rome for 1; text and no call for 4. */
    static FakeOutput choice(int i) {
        return switch (i % 5) {
            case 0 -> FakeOutput.call("weather", "{\"city\": \"Paris\", \"days\": 2}");
            case 1 -> FakeOutput.call("weather", "{\"city\": \"Rome\", \"days\": 2}");
            case 2 -> FakeOutput.call("weather", "{\"days\":2.0,\"city\":\"Paris\"}");
            case 3 -> FakeOutput.call("weather", " { \"days\" : 2 , \"city\" : \"Paris\" } ");
            default -> FakeOutput.text("I cannot tell.");
        };
    }

    /** Choices numbered across calls, so a strategy drawing one at a time sees choice 0, 1, 2... */
    static FakeReply reply(FakeRequest r) { return FakeReply.each(r, i -> choice(r.seq() + i)); }

    private static Session session(Backend b) {
        GenerationRequest base = new GenerationRequest("fake-model", List.of(Message.user("Weather in Paris or Rome?")), 1, Optional.empty(),
                Optional.empty(), TOOLS);
        return new Session(new Problem("w", "Weather in Paris or Rome?", ""), b, base, new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"),
                AnswerExtractor.exact(), false, new SplittableRandom(1), CLOCK);
    }

    private static Backend backend(FakeOpenAiServer server) {
        return Backend.openAi(OpenAiConfig.builder(server.baseUrl()).model("fake-model").maxRetries(0).build());
    }

    @Test
    void vote_returns_the_call_most_samples_made_whatever_its_arguments_spelling() {
        try (var server = FakeOpenAiServer.start(ToolCallVoteTest::reply)) {
            Result r = Strategy.vote(5).solve(session(backend(server)));
            assertThat(r.samples()).extracting(Sample::answer).containsExactly("weather({\"city\":\"Paris\",\"days\":2})",
                    "weather({\"city\":\"Rome\",\"days\":2})", "weather({\"city\":\"Paris\",\"days\":2})", "weather({\"city\":\"Paris\",\"days\":2})",
                    "I cannot tell.");
            assertThat(r.answer()).isEqualTo("weather({\"city\":\"Paris\",\"days\":2})");
            assertThat(r.confidence()).isEqualTo(0.6);
            ToolCall chosen = r.chosen().orElseThrow().toolCalls().getFirst();
            assertThat(chosen.name()).isEqualTo("weather");
            assertThat(chosen.arguments()).as("the first sample of the winning group, as it wrote it").isEqualTo("{\"city\": \"Paris\", \"days\": 2}");
        }
    }

    @Test
    void adaptive_stops_once_the_calls_agree_and_best_of_n_picks_among_calls() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> choice(0)))) {
            Result r = Strategy.parse("ac@0.95").solve(session(backend(server)));
            assertThat(r.samples()).hasSizeLessThan(8);
            assertThat(r.answer()).isEqualTo("weather({\"city\":\"Paris\",\"days\":2})");
        }
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> r.seq() == 0 ? choice(i)
                : FakeOutput.text(r.allPromptText().contains("Calls: weather({\"city\":\"Rome\"") ? "0.95" : "0.3")))) {
            Result r = Strategy.parse("best@5").solve(session(backend(server)));
            assertThat(r.chosen().orElseThrow().toolCalls()).isNotEmpty();
            assertThat(r.answer()).as("the call its self-evaluation scored highest, though fewer samples made it")
                    .isEqualTo("weather({\"city\":\"Rome\",\"days\":2})");
        }
    }

    @Test
    void a_text_reply_without_a_call_is_its_own_group() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> i < 3 ? FakeOutput.text("I cannot tell.") : choice(1)))) {
            Result r = Strategy.vote(5).solve(session(backend(server)));
            assertThat(r.answer()).isEqualTo("I cannot tell.");
            assertThat(r.chosen().orElseThrow().toolCalls()).isEmpty();
        }
    }
}
