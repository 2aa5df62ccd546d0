package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.core.testing.FakeThinker;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThinkBudgetTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Problem PROBLEM = new Problem("p1", "What is 6 times 7?", "42");

    private static Session session(FakeOpenAiServer server, Budget budget) {
        Backend b = Backend.openAi(OpenAiConfig.builder(server.baseUrl()).model("m").clock(CLOCK).build());
        GenerationRequest req = GenerationRequest.of("m", List.of(Message.user(PROBLEM.question())), 1);
        return new Session(PROBLEM, b, req, new Meter(budget, CLOCK), new Trace("t"), AnswerExtractor.number(), false,
                new SplittableRandom(1), CLOCK);
    }

    private static List<String> purposes(Result r) { return r.trace().calls().stream().map(Call::purpose).toList(); }

    @Test
    void holds_thinking_within_ten_percent_of_the_budget_from_256_to_4096_tokens() {
        // a model that would think 1500 tokens and stop: capped below that, extended with Wait above it
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(1500, "The answer is 42."))) {
            for (int t : new int[] {256, 512, 1024, 2048, 4096}) {
                Result r = Strategy.parse("think@" + t).solve(session(server, Budget.UNLIMITED));
                assertThat(r.usage().reasoningTokens()).as("T=%d", t).isBetween((long) (0.9 * t), (long) (1.1 * t));
                assertThat(r.answer()).isEqualTo("42");
                assertThat(r.samples()).hasSize(1);
                assertThat(r.samples().getFirst().reasoning()).contains("t1 t2").doesNotContain("</think>");
            }
        }
    }

    @Test
    void an_early_stop_is_extended_with_wait_and_each_call_is_traced() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42."))) {
            Result r = Strategy.parse("think@1000").solve(session(server, Budget.UNLIMITED));

            assertThat(purposes(r)).containsExactly("think", "think", "think", "answer");
            assertThat(r.usage().reasoningTokens()).isEqualTo(300);
            List<FakeRequest> sent = server.requests();
            assertThat(sent).allSatisfy(q -> assertThat(q.chat()).isFalse());
            assertThat(sent.get(0).prompt()).endsWith("Assistant: <think>\n");
            assertThat(sent.get(0).stop()).containsExactly("</think>");
            assertThat(sent.get(0).maxTokens()).hasValue(1000);
            assertThat(sent.get(1).prompt()).endsWith("t100\nWait");
            assertThat(sent.get(1).maxTokens()).hasValue(900);
            assertThat(sent.get(2).prompt()).endsWith("t201\nWait");
            assertThat(sent.get(3).prompt()).endsWith("t302\n</think>\n\nFinal Answer:");
            assertThat(r.answer()).isEqualTo("42");
            assertThat(r.trace().calls().getLast().usage().reasoningTokens()).isZero();
            assertThat(r.trace().calls().getLast().verdicts()).as("the chain's note on its answer call")
                    .containsExactly("think route: completions", "thinking tokens: 300", "waits: 2", "stopped before the budget");
            assertThat(ThinkRoute.ranIn(r.trace())).hasValue("completions");
        }
    }

    @Test
    void at_most_w_extensions_and_none_with_w0() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42."))) {
            assertThat(purposes(Strategy.parse("think@1000w0").solve(session(server, Budget.UNLIMITED)))).containsExactly("think", "answer");
            Result five = Strategy.parse("think@1000w5").solve(session(server, Budget.UNLIMITED));
            assertThat(five.usage().reasoningTokens()).isEqualTo(600);
            assertThat(five.strategy()).isEqualTo("think@1000w5");
        }
    }

    @Test
    void continues_an_assistant_prefix_over_chat_where_the_server_supports_it() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(300, "The answer is 42."))) {
            Strategy s = Strategy.think(1024, 4, Optional.of(ModelFamily.QWEN3), ThinkRoute.CHAT_PREFIX);
            Result r = s.solve(session(server, Budget.UNLIMITED));

            assertThat(r.usage().reasoningTokens()).isBetween(922L, 1126L);
            assertThat(server.requests()).allSatisfy(q -> {
                assertThat(q.chat()).isTrue();
                assertThat(q.body().path("continue_final_message").asBoolean()).isTrue();
            });
            String last = server.requests().getLast().body().path("messages").get(1).path("content").asText();
            assertThat(last).startsWith("<think>\n t1").endsWith("</think>\n\nFinal Answer:");
            assertThat(r.answer()).isEqualTo("42");
        }
    }

    @Test
    void over_plain_chat_ends_thinking_with_a_follow_up_turn_that_turns_thinking_off() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(1000, "The answer is 42."))) {
            Strategy s = Strategy.think(256, 2, Optional.of(ModelFamily.QWEN3), ThinkRoute.CHAT_FOLLOW_UP);
            Result r = s.solve(session(server, Budget.UNLIMITED));

            assertThat(purposes(r)).containsExactly("think", "answer");
            assertThat(r.usage().reasoningTokens()).isEqualTo(256);
            FakeRequest answer = server.requests().getLast();
            assertThat(answer.body().path("chat_template_kwargs").path("enable_thinking").asBoolean(true)).isFalse();
            assertThat(answer.prompt()).isEqualTo(ForcedChain.ANSWER_NOW);
            assertThat(r.answer()).isEqualTo("42");
        }
    }

    @Test
    void over_plain_chat_an_early_answer_is_questioned_with_wait() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42."))) {
            Result r = Strategy.think(1000, 1, Optional.empty(), ThinkRoute.CHAT_FOLLOW_UP).solve(session(server, Budget.UNLIMITED));

            assertThat(purposes(r)).containsExactly("think", "think");
            assertThat(server.requests().getLast().prompt()).startsWith("Wait.");
            assertThat(r.usage().reasoningTokens()).isEqualTo(200);
            assertThat(r.answer()).isEqualTo("42");
        }
    }

    @Test
    void the_provider_route_passes_the_budget_through_and_caps_thinking_plus_answer() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(1500, "The answer is 42."))) {
            Result r = Strategy.think(1024, 2, Optional.empty(), ThinkRoute.PROVIDER).solve(session(server, Budget.UNLIMITED));

            assertThat(purposes(r)).containsExactly("think");
            FakeRequest q = server.requests().getFirst();
            assertThat(q.body().path("thinking").path("budget_tokens").asInt()).isEqualTo(1024);
            assertThat(q.maxTokens()).hasValue(1024 + ForcedChain.ANSWER_TOKENS);
            assertThat(r.usage().reasoningTokens()).isEqualTo(1024);
            assertThat(r.answer()).isEqualTo("42");
        }
    }

    @Test
    void a_token_budget_stops_the_chain_and_says_so() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42."))) {
            Result r = Strategy.parse("think@1000").solve(session(server, Budget.UNLIMITED.withTokens(1200)));
            assertThat(r.stop()).isEqualTo(StopReason.BUDGET);
            assertThat(r.usage().totalTokens()).isLessThanOrEqualTo(1200);
        }
    }

    @Test
    void refuses_a_replay_bank_which_cannot_think_on() {
        var bank = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));
        Backend replay = Backend.replay(bank, Optional.empty(), PriceCatalogue.shipped());
        Problem p = bank.problems().getFirst();
        Session s = new Session(p, replay, GenerationRequest.of("m", List.of(Message.user(p.question())), 1).withProblemId(p.id()),
                new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"), AnswerExtractor.boxed(), true, new SplittableRandom(1), CLOCK);
        assertThatThrownBy(() -> Strategy.parse("think@256").solve(s)).isInstanceOf(PonderException.class).hasMessageContaining("replay");
    }

    @Test
    void the_spec_reads_the_budget_and_the_extensions_and_rejects_nonsense() {
        assertThat(Strategy.parse("think@1024").name()).isEqualTo("think@1024");
        assertThat(Strategy.parse("think@1024w4").name()).isEqualTo("think@1024w4");
        assertThat(Strategy.parse("think@1024w2").name()).isEqualTo("think@1024");
        for (String bad : new String[] {"think", "think@abc", "think@8", "think@1024w", "think@1024:2"}) {
            assertThatThrownBy(() -> Strategy.parse(bad)).as(bad).isInstanceOf(PonderException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void model_families_render_prompts_and_are_guessed_from_names() {
        assertThat(ModelFamily.QWEN3.prompt(List.of(Message.system("be brief"), Message.user("hi"))))
                .isEqualTo("<|im_start|>system\nbe brief<|im_end|>\n<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n<think>\n");
        assertThat(ModelFamily.guess("simplescaling/s1.1-32B")).isEqualTo(ModelFamily.S1);
        assertThat(ModelFamily.guess("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")).isEqualTo(ModelFamily.DEEPSEEK_R1);
        assertThat(ModelFamily.guess("Qwen/Qwen3-8B")).isEqualTo(ModelFamily.QWEN3);
        assertThat(ModelFamily.guess("gpt-4o-mini")).isEqualTo(ModelFamily.THINK);
        assertThat(ModelFamily.named("S1")).isEqualTo(ModelFamily.S1);
        assertThatThrownBy(() -> ModelFamily.named("llama")).hasMessageContaining("llama").hasMessageContaining("qwen3");
        ModelFamily custom = ModelFamily.THINK.withDelimiters("<reasoning>", "</reasoning>", " Answer:");
        assertThat(custom.thinkStop()).containsExactly("</reasoning>");
        assertThat(custom.endThinking()).isEqualTo("\n</reasoning> Answer:");
    }
}
