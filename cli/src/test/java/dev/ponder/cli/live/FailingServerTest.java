package dev.ponder.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.lab.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run against a server that fails in each way a live one does (down, 401, 429, 5xx, a body that is not a completion):
 * the failures are counted apart from wrong answers, the last line says what went wrong, and a run whose every call
 * failed exits 3 instead of printing an accuracy of 0.
 */
class FailingServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeReply reply(String how) {
        return switch (how) {
            case "401" -> FakeReply.error(401, "Incorrect API key provided");
            case "429" -> FakeReply.rateLimited("1");
            case "500" -> FakeReply.serverError();
            case "html" -> new FakeReply.Raw(200, "text/html", "<html><body>502 Bad Gateway</body></html>");
            case "truncated" -> FakeReply.malformed();
            default -> throw new IllegalArgumentException(how);
        };
    }

    @ParameterizedTest
    @CsvSource({"401, UNAUTHORIZED", "429, RATE_LIMITED", "500, UPSTREAM_UNAVAILABLE", "html, BAD_UPSTREAM_RESPONSE",
            "truncated, BAD_UPSTREAM_RESPONSE"})
    void every_call_failing_exits_3_with_one_line_naming_the_cause(String how, String kind) {
        try (var server = FakeOpenAiServer.start(r -> reply(how))) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "single", "--limit", "2");
            assertThat(c.exit()).as(c.err()).isEqualTo(3);
            assertThat(Live.lastLine(c.err())).startsWith("ponder: every call failed (2 of 2 problems): " + kind + ": ");
            assertThat(c.err()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(c.out()).contains("failed").contains("single: 2 of 2 problems failed (" + kind + " 2)");
            assertThat(server.requestCount()).as("no retries asked").isEqualTo(2);
        }
    }

    @Test
    void a_server_that_is_down_exits_3() {
        String url;
        try (var server = FakeOpenAiServer.start()) {
            url = server.baseUrl().toString();
        }
        Cli c = Live.run(url, "--strategy", "vote@3", "--limit", "2");
        assertThat(c.exit()).isEqualTo(3);
        assertThat(Live.lastLine(c.err())).startsWith("ponder: every call failed (2 of 2 problems): UPSTREAM_UNAVAILABLE: ")
                .contains("cannot connect");
    }

    @Test
    void failed_problems_are_counted_apart_in_json_and_the_run_goes_on() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (var server = FakeOpenAiServer.start(r -> n.getAndIncrement() % 2 == 0 ? FakeReply.serverError()
                : FakeReply.each(r, i -> FakeOutput.text("The answer is " + Live.reference(r.allPromptText()) + ".")))) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "single", "--limit", "4", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode row = JSON.readTree(c.out()).at("/runs/0/rows/0");
            assertThat(row.path("problems").asInt()).isEqualTo(4);
            assertThat(row.path("failed").asInt()).isEqualTo(2);
            assertThat(row.at("/failures/UPSTREAM_UNAVAILABLE").asInt()).isEqualTo(2);
            assertThat(row.path("failure_example").asText()).startsWith("UPSTREAM_UNAVAILABLE: ").contains("HTTP 500");
            assertThat(row.path("accuracy").asDouble()).as("over the two that did not fail, both answered right").isEqualTo(1.0);
            assertThat(c.err()).contains("2 of 4 problems failed");
        }
    }

    @Test
    void json_of_a_dead_run_has_no_accuracy_and_still_exits_3() throws Exception {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.serverError())) {
            Cli c = Live.run(server.baseUrl().toString(), "--strategy", "single", "--limit", "2", "--json");
            assertThat(c.exit()).isEqualTo(3);
            JsonNode row = JSON.readTree(c.out()).at("/runs/0/rows/0");
            assertThat(row.path("accuracy").isNull()).isTrue();
            assertThat(row.path("failed").asInt()).isEqualTo(2);
        }
    }

    @Test
    void a_plan_against_a_dead_server_stores_the_failed_units_and_exits_3(@TempDir Path dir) throws Exception {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.error(401, "Incorrect API key provided"))) {
            Path plan = Files.writeString(dir.resolve("live.yaml"), """
                    name: live
                    sources: [{problems: %s, limit: 3}]
                    backends: [{kind: openai, base_url: %s, models: [{name: gpt-4o-mini}]}]
                    strategies: [single]
                    """.formatted(Live.PROBLEMS, server.baseUrl()));
            Path store = dir.resolve("lab.duckdb");
            Cli c = Cli.run("run", plan.toString(), "--store", store.toString(), "--no-report", "--retries", "0");
            assertThat(c.exit()).as(c.err()).isEqualTo(3);
            assertThat(Live.lastLine(c.err())).startsWith("ponder: every call failed (3 of 3 units, stored as failed): UNAUTHORIZED: ");
            try (var s = SampleStore.open(store, InstantSource.system())) {
                var outcomes = s.outcomes(s.runs().getFirst().runId());
                assertThat(outcomes).hasSize(3).allSatisfy(o -> {
                    assertThat(o.failed()).isTrue();
                    assertThat(o.failure().orElseThrow().kind().name()).isEqualTo("UNAUTHORIZED");
                });
            }
        }
    }
}
