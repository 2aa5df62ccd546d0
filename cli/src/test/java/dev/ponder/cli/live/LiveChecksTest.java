package dev.ponder.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeThinker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live run checks before it spends, and what it spends once it runs: budgets that cannot cover one call, a
 * strategy that needs a checker, OpenAI's URL without a key; --max-tokens and a budget that now draws every sample;
 * think@T answers read after the forced cue, by completions in a plan too.
 */
class LiveChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeOpenAiServer rightAnswers() {
        return FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + Live.reference(r.allPromptText()) + ".")));
    }

    @Test
    void a_budget_that_cannot_cover_one_call_is_refused_before_any_call_with_the_figure_it_needs() {
        try (var server = rightAnswers()) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "vote@5", "--budget-dollars", "0.002");
            assertThat(c.exit()).isEqualTo(2);
            assertThat(c.err().strip().lines()).hasSize(1);
            assertThat(c.err()).contains("cannot cover one call: a call to gpt-4o-mini reserves up to $0.0024").contains("4096 output tokens")
                    .contains("--max-tokens");
            Cli t = Live.run(server.baseUrl().toString(), "--budget-tokens", "2000");
            assertThat(t.exit()).isEqualTo(2);
            assertThat(t.err()).contains("a token budget of 2000 per problem cannot cover one call");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void with_max_tokens_the_same_budget_draws_every_sample() throws Exception {
        try (var server = rightAnswers()) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "vote@5", "--budget-dollars", "0.002", "--max-tokens", "256",
                    "--temperature", "0.7", "--top-p", "0.95", "--limit", "3", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode row = JSON.readTree(c.out()).at("/runs/0/rows/0");
            assertThat(row.path("samples_per_problem").asDouble()).isEqualTo(5.0);
            assertThat(row.path("accuracy").asDouble()).isEqualTo(1.0);
            JsonNode body = server.requests().getFirst().body();
            assertThat(body.path("max_tokens").asInt(body.path("max_completion_tokens").asInt())).isEqualTo(256);
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
            assertThat(body.path("top_p").asDouble()).isEqualTo(0.95);
        }
    }

    @Test
    void bad_sampling_values_are_refused() {
        Cli c = Live.run("http://127.0.0.1:9/v1", "--temperature", "3");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).isEqualTo("ponder: temperature must be in [0, 2], was 3.0 (--max-tokens, --temperature, --top-p)\n");
    }

    @Test
    void verify_without_a_checker_is_refused_before_any_call_and_runs_with_one() {
        try (var server = rightAnswers()) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "verify@3");
            assertThat(c.exit()).isEqualTo(2);
            assertThat(c.err()).startsWith("ponder: strategy verify@3 needs a checker and none is given: add --checker NAME (known: game24, java-tests, math, regex:PATTERN, llm-judge:MODEL)");
            assertThat(server.requestCount()).isZero();
            Cli ok = Live.run(server.baseUrl().toString(), "--strategy", "verify@3", "--checker", "regex:\\d+", "--limit", "2");
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(server.requestCount()).isEqualTo(2);
            Cli bad = Live.run(server.baseUrl().toString(), "--strategy", "verify@3", "--checker", "oracle");
            assertThat(bad.err()).startsWith("ponder: unknown checker \"oracle\"; known: game24, java-tests, math, regex:PATTERN, llm-judge:MODEL");
        }
    }

    @Test
    void a_plan_names_its_checker_and_is_refused_without_one(@TempDir Path dir) throws Exception {
        try (var server = rightAnswers()) {
            String body = """
                    name: checked
                    sources: [{problems: %s, limit: 2}]
                    backends: [{kind: openai, base_url: %s, models: [{name: gpt-4o-mini}]}]
                    strategies: [verify@3]
                    """.formatted(Live.PROBLEMS, server.baseUrl());
            Path none = Files.writeString(dir.resolve("none.yaml"), body);
            Cli c = Cli.run("run", none.toString(), "--store", dir.resolve("s.duckdb").toString(), "--no-report");
            assertThat(c.exit()).isEqualTo(2);
            assertThat(c.err()).contains("strategy verify@3 needs a checker and the plan names none").contains("checker: NAME");
            assertThat(server.requestCount()).isZero();
            Path with = Files.writeString(dir.resolve("with.yaml"), body + "checker: \"regex:\\\\d+\"\nmax_tokens: 64\n");
            Cli ok = Cli.run("run", with.toString(), "--store", dir.resolve("s.duckdb").toString(), "--no-report");
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("verify@3");
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.maxTokens()).hasValue(64));
        }
    }

    @Test
    void openai_without_a_key_is_refused() {
        Assumptions.assumeTrue(System.getenv("PONDER_TEST_NO_SUCH_KEY") == null);
        Cli c = Cli.run("run", "--problems", Live.PROBLEMS.toString(), "--model", "gpt-4o-mini", "--api-key-env", "PONDER_TEST_NO_SUCH_KEY");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).startsWith("ponder: https://api.openai.com/v1 is OpenAI's API and PONDER_TEST_NO_SUCH_KEY is not set");
    }

    @Test
    void an_unpriced_model_warns_once() {
        try (var server = rightAnswers()) {
            Cli c = Cli.run("run", "--problems", Live.PROBLEMS.toString(), "--base-url", server.baseUrl().toString(), "--model", "my-local-model",
                    "--strategy", "vote@3", "--limit", "3");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(c.err().lines().filter(l -> l.contains("not in the price catalogue")).count()).isEqualTo(1);
        }
    }

    @Test
    void think_reads_the_answer_after_the_forced_cue_with_the_default_extractor_and_says_its_route() throws Exception {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(p -> 40, (prompt, words, i) -> Live.reference(prompt)))) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "think@64", "--limit", "3", "--extractor", "exact");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(c.out()).contains("think@64: chains ran by completions").containsPattern("think@64\\s+1\\.0000");
            assertThat(server.requests()).anySatisfy(r -> assertThat(r.chat()).isFalse());
        }
    }

    @Test
    void think_in_a_plan_uses_completions_unless_the_backend_says_it_has_none(@TempDir Path dir) throws Exception {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(p -> 40, (prompt, words, i) -> Live.reference(prompt)))) {
            String plan = """
                    name: thinking
                    sources: [{problems: %s, limit: 2, extractor: exact}]
                    backends: [{kind: openai, base_url: %s, models: [{name: gpt-4o-mini}]%s}]
                    strategies: [think@64]
                    """;
            Path with = Files.writeString(dir.resolve("with.yaml"), plan.formatted(Live.PROBLEMS, server.baseUrl(), ""));
            Cli c = Cli.run("run", with.toString(), "--store", dir.resolve("a.duckdb").toString(), "--no-report", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(JSON.readTree(c.out()).at("/runs/0/rows/0/accuracy").asDouble()).isEqualTo(1.0);
            assertThat(server.requests()).allSatisfy(r -> assertThat(r.chat()).isFalse());
            int before = server.requestCount();
            Path without = Files.writeString(dir.resolve("without.yaml"), plan.formatted(Live.PROBLEMS, server.baseUrl(), ", completions: false"));
            Cli chat = Cli.run("run", without.toString(), "--store", dir.resolve("b.duckdb").toString(), "--no-report");
            assertThat(chat.exit()).as(chat.err()).isZero();
            assertThat(server.requests().subList(before, server.requestCount())).allSatisfy(r -> assertThat(r.chat()).isTrue());
        }
    }
}
