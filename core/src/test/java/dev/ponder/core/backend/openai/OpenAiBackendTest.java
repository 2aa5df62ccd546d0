package dev.ponder.core.backend.openai;

import static dev.ponder.core.backend.openai.Fixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class OpenAiBackendTest {
    private final Fixture fx = new Fixture();

    @Test
    void returns_n_choices_from_one_request_when_the_server_honours_n() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("answer " + i)))) {
            List<Generation> g = fx.backend(server).generate(ask("two plus two", 3)).generations();

            assertThat(g).extracting(Generation::text).containsExactly("answer 0", "answer 1", "answer 2");
            assertThat(g).extracting(Generation::finishReason).containsOnly("stop");
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(server.requests().getFirst().n()).isEqualTo(3);
        }
    }

    @Test
    void usage_is_split_across_choices_and_sums_to_what_the_server_reported() {
        // prompt "two plus two" = 3 tokens; outputs of 1, 2 and 3 words = 6 completion tokens
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("a", "b c", "d e f"))) {
            List<Generation> g = fx.backend(server).generate(ask("two plus two", 3)).generations();

            Usage total = g.stream().map(Generation::usage).reduce(Usage.ZERO, Usage::plus);
            assertThat(total.inputTokens()).isEqualTo(3);
            assertThat(total.outputTokens()).isEqualTo(6);
            assertThat(total.dollars()).isCloseTo(Fixture.dollars(3, 6), within(1e-12));
            assertThat(g).extracting(x -> x.usage().outputTokens()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void reasoning_content_becomes_reasoning_and_its_tokens_are_counted_and_priced_as_output() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.thinking("let me think about it", "4")))) {
            Generation g = fx.backend(server).generate(ask("two plus two", 1)).generations().getFirst();

            assertThat(g.text()).isEqualTo("4");
            assertThat(g.reasoning()).isEqualTo("let me think about it");
            assertThat(g.usage().reasoningTokens()).isEqualTo(5);
            assertThat(g.usage().outputTokens()).isEqualTo(6);
            assertThat(g.usage().dollars()).isCloseTo(Fixture.dollars(3, 6), within(1e-12));
        }
    }

    @Test
    void reads_the_newer_reasoning_field_name_too() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.thinking("hmm yes", "4"))
                .style(FakeReply.StreamStyle.DEFAULT.reasoningField("reasoning")))) {
            assertThat(fx.backend(server).generate(ask("q", 1)).generations().getFirst().reasoning()).isEqualTo("hmm yes");
        }
    }

    @Test
    void inline_think_tags_are_moved_to_reasoning_when_configured_and_reasoning_tokens_estimated() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.inlineThinking("one two three", " answer")))) {
            OpenAiBackend plain = fx.backend(server);
            OpenAiBackend split = OpenAiBackend.create(fx.config(server).thinkTags(ThinkTags.THINK).build());

            assertThat(plain.generate(ask("q", 1)).generations().getFirst().text()).isEqualTo("<think>one two three</think> answer");
            Generation g = split.generate(ask("q", 1)).generations().getFirst();
            assertThat(g.text()).isEqualTo(" answer");
            assertThat(g.reasoning()).isEqualTo("one two three");
            // the fake counts "<think>one", "two", "three</think>", "answer": 4 tokens, reported as 0 reasoning
            assertThat(g.usage().outputTokens()).isEqualTo(4);
            assertThat(g.usage().reasoningTokens()).isEqualTo(3);
        }
    }

    @Test
    void honours_max_tokens_and_reports_finish_reason_length() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two three four five six"))) {
            Generation g = fx.backend(server).generate(ask("count", 1).withMaxTokens(4)).generations().getFirst();

            assertThat(g.text()).isEqualTo("one two three four");
            assertThat(g.finishReason()).isEqualTo("length");
            assertThat(server.requests().getFirst().body().path("max_tokens").asInt()).isEqualTo(4);
        }
    }

    @Test
    void passes_extra_fields_through_and_maps_model_names() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server)
                    .modelName("small", "o3-mini-2025-01-31")
                    .extra("temperature", 0.7)
                    .reasoning(Reasoning.effort(Reasoning.Effort.HIGH))
                    .apiKey(ApiKey.of("sk-test"))
                    .build());
            var request = Reasoning.NONE.withThinkingBudget(1024).applyTo(
                    new GenerationRequest("small", ask("q", 1).messages(), 1, Optional.of(50),
                            Optional.empty(), Map.of("temperature", 0.2, "seed", 5)));
            b.generate(request);

            FakeRequest got = server.requests().getFirst();
            assertThat(got.model()).isEqualTo("o3-mini-2025-01-31");
            assertThat(got.body().path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(got.body().path("seed").asInt()).isEqualTo(5);
            assertThat(got.body().path("reasoning_effort").asText()).isEqualTo("high");
            assertThat(got.body().path("max_completion_tokens").asInt()).isEqualTo(50);
            assertThat(got.body().has("max_tokens")).isFalse();
            assertThat(got.body().path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
            assertThat(got.body().has("n")).isFalse();
            assertThat(got.header("authorization")).contains("Bearer sk-test");
        }
    }

    @Test
    void the_api_key_is_not_in_the_configuration_text() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiConfig c = fx.config(server).apiKey(ApiKey.of("sk-secret-123")).build();
            assertThat(c.toString()).doesNotContain("sk-secret-123");
        }
    }

    @Test
    void fetches_the_missing_choices_by_parallel_requests_when_the_server_ignores_n_and_remembers() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("answer " + r.seq()))) {
            OpenAiBackend b = fx.backend(server);
            Generated got = b.generate(ask("q", 4));
            List<Generation> first = got.generations();

            assertThat(first).hasSize(4);
            assertThat(first).extracting(Generation::text).containsExactlyInAnyOrder("answer 0", "answer 1", "answer 2", "answer 3");
            assertThat(first.getFirst().text()).isEqualTo("answer 0");
            assertThat(server.requests()).extracting(FakeRequest::n).containsExactly(4, 1, 1, 1);
            assertThat(got.attempts()).isEqualTo(1);

            List<Generation> second = b.generate(ask("q", 3)).generations();
            assertThat(second).hasSize(3);
            assertThat(server.requests().subList(4, 7)).extracting(FakeRequest::n).containsOnly(1);
            // each request's prompt is paid for
            assertThat(second.stream().mapToLong(g -> g.usage().inputTokens()).sum()).isEqualTo(3);
        }
    }

    @Test
    void fans_out_when_the_server_rejects_n_like_llama_cpp() {
        try (var server = FakeOpenAiServer.start(r -> r.n() > 1
                ? FakeReply.error(400, "Only one completion choice is allowed")
                : FakeReply.texts("ok"))) {
            List<Generation> g = fx.backend(server).generate(ask("q", 3)).generations();

            assertThat(g).extracting(Generation::text).containsExactly("ok", "ok", "ok");
            assertThat(server.requests()).extracting(FakeRequest::n).containsExactly(3, 1, 1, 1);
        }
    }

    @Test
    void never_sends_n_when_configured_as_ignored() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("ok"))) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).nParameter(NParameter.IGNORED).build());
            assertThat(b.generate(ask("q", 2)).generations()).hasSize(2);
            assertThat(server.requests()).extracting(FakeRequest::n).containsExactly(1, 1);
        }
    }

    @Test
    void plain_completions_honour_stop_and_max_tokens() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("thinking more and more </think> The answer is 7"))) {
            OpenAiBackend b = fx.backend(server);
            Generation stopped = b.complete(CompletionRequest.of("fake-model", "<think>", 100, List.of("</think>"))).generations().getFirst();
            Generation capped = b.complete(CompletionRequest.of("fake-model", "<think>", 2, List.of())).generations().getFirst();

            assertThat(stopped.text()).isEqualTo("thinking more and more ");
            assertThat(stopped.finishReason()).isEqualTo("stop");
            assertThat(capped.text()).isEqualTo("thinking more");
            assertThat(capped.finishReason()).isEqualTo("length");
            assertThat(server.requests().getFirst().path()).isEqualTo("/v1/completions");
            assertThat(server.requests().getFirst().stop()).containsExactly("</think>");
        }
    }

    @Test
    void the_factory_on_backend_gives_a_streaming_backend_named_after_the_server() {
        try (var server = FakeOpenAiServer.start()) {
            var b = Backend.openAi(fx.config(server).build());
            assertThat(b.name()).isEqualTo("openai:" + server.baseUrl());
            assertThat(b.generate(ask("q", 1)).generations().getFirst().text()).isEqualTo("The answer is 42.");
        }
    }

    @Test
    void a_request_without_a_model_and_no_default_is_invalid_input() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiBackend b = OpenAiBackend.create(OpenAiConfig.builder(server.baseUrl()).build());
            var e = Assertions.catchThrowableOfType(PonderException.class,
                    () -> b.generate(GenerationRequest.of("", ask("q", 1).messages(), 1)));
            assertThat(e.kind()).isEqualTo(PonderException.Kind.INVALID_INPUT);
            assertThat(e.getMessage()).contains("no model given");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void extra_fields_may_not_override_what_the_backend_sets() {
        try (var server = FakeOpenAiServer.start()) {
            var r = new GenerationRequest("fake-model", ask("q", 1).messages(), 1, Optional.empty(),
                    Optional.empty(), Map.of("n", 8));
            var e = Assertions.catchThrowableOfType(PonderException.class,
                    () -> fx.backend(server).generate(r));
            assertThat(e.getMessage()).contains("\"n\" is set by the backend");
        }
    }
}
