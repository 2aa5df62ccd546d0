package dev.ponder.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ponder run --problems --backend anthropic}: the problem set through Anthropic's Messages API (a fake server
 * answering {@code POST /v1/messages} in that API's shapes), and the same failures as the OpenAI path, each one line.
 */
class AnthropicRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Cli run(String baseUrl, String... more) {
        String[] head = {"run", "--problems", Live.PROBLEMS.toString(), "--backend", "anthropic", "--base-url", baseUrl,
                "--model", "claude-fake", "--retries", "0", "--concurrency", "1"};
        String[] args = new String[head.length + more.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        return Cli.run(args);
    }

    @Test
    void a_vote_runs_through_the_messages_api_one_request_a_sample() throws Exception {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + Live.reference(r.allPromptText()) + ".")))) {
            // a base URL written as OpenAI's are (with /v1) is taken as the API's root
            Cli c = run(server.baseUrl().toString(), "--strategy", "vote@3", "--limit", "2", "--max-tokens", "64", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode row = JSON.readTree(c.out()).at("/runs/0/rows/0");
            assertThat(row.path("accuracy").asDouble()).isEqualTo(1.0);
            assertThat(row.path("samples_per_problem").asDouble()).isEqualTo(3.0);
            assertThat(server.requests()).hasSize(6).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/messages"));
            FakeRequest first = server.requests().getFirst();
            assertThat(first.body().path("model").asText()).isEqualTo("claude-fake");
            assertThat(first.body().path("max_tokens").asInt()).isEqualTo(64);
        }
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHORIZED", "429, RATE_LIMITED", "500, UPSTREAM_UNAVAILABLE"})
    void every_call_failing_exits_3_with_one_line_naming_the_cause(int status, String kind) {
        FakeReply reply = status == 429 ? FakeReply.rateLimited("1") : status == 500 ? FakeReply.serverError() : FakeReply.error(401, "invalid x-api-key");
        try (var server = FakeOpenAiServer.start(r -> reply)) {
            Cli c = run(server.root().toString(), "--strategy", "single", "--limit", "2");
            assertThat(c.exit()).as(c.err()).isEqualTo(3);
            assertThat(Live.lastLine(c.err())).startsWith("ponder: every call failed (2 of 2 problems): " + kind + ": ");
            assertThat(c.err()).doesNotContain("\tat ");
        }
    }

    @Test
    void a_server_that_is_down_exits_3() {
        String url;
        try (var server = FakeOpenAiServer.start()) {
            url = server.root().toString();
        }
        Cli c = run(url, "--strategy", "single", "--limit", "1");
        assertThat(c.exit()).isEqualTo(3);
        assertThat(Live.lastLine(c.err())).contains("UPSTREAM_UNAVAILABLE").contains("cannot connect");
    }

    @Test
    void anthropics_own_url_without_a_key_is_refused_before_any_call() {
        Cli c = Cli.run("run", "--problems", Live.PROBLEMS.toString(), "--backend", "anthropic", "--model", "claude-sonnet-4-5",
                "--api-key-env", "PONDER_TEST_NO_SUCH_VARIABLE");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(Live.lastLine(c.err())).isEqualTo("ponder: https://api.anthropic.com is Anthropic's API and PONDER_TEST_NO_SUCH_VARIABLE is not set:"
                + " export it, or point the base URL at a server that speaks the Messages API (or give --api-key-env VAR)");
    }

    @Test
    void an_unknown_backend_is_named() {
        Cli c = Cli.run("run", "--problems", Live.PROBLEMS.toString(), "--backend", "gemini", "--model", "m");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(Live.lastLine(c.err())).isEqualTo("ponder: --backend must be replay, openai or anthropic, was \"gemini\"");
    }

    @Test
    void a_plan_with_an_anthropic_backend_runs_and_stores_its_units(@TempDir Path dir) throws Exception {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + Live.reference(r.allPromptText()) + ".")))) {
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, """
                    name: claude-arith
                    sources:
                      - problems: %s
                        limit: 2
                    backends:
                      - name: claude
                        kind: anthropic
                        base_url: %s
                        models: [{name: claude-fake}]
                    strategies: [single, vote@3]
                    """.formatted(Live.PROBLEMS, server.root()));
            Cli c = Cli.run("run", plan.toString(), "--store", dir.resolve("s.duckdb").toString(), "--no-report", "--retries", "0", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/messages"));
        }
    }
}
