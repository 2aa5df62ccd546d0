package dev.ponder.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeQuiz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThinkingCommandTest {

    /** Twelve arithmetic questions in two domains, and a quiz model that knows their answers. */
    private static Path problems(Path dir, Map<String, String> answers) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            String q = "What is " + (17 + i) + " times " + (3 + i) + "?";
            String a = String.valueOf((17 + i) * (3 + i));
            answers.put(q, a);
            b.append(String.format("{\"id\": \"q%d\", \"question\": \"%s\", \"reference\": \"%s\", \"domain\": \"%s\"}%n",
                    i, q, a, i % 2 == 0 ? "even" : "odd"));
        }
        Path f = dir.resolve("problems.jsonl");
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void think_at_t_holds_the_budget_and_is_matched_against_vote_at_equal_tokens(@TempDir Path dir) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        Path file = problems(dir, answers);
        try (var server = FakeOpenAiServer.start(new FakeQuiz(answers, 400, 900, 3).handler())) {
            Cli c = Cli.run("bench", "thinking", "--base-url", server.baseUrl().toString(), "--model", "m", "--problems", file.toString(),
                    "--budgets", "256,1024", "--extractor", "number", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode r = new ObjectMapper().readTree(c.out());
            assertThat(r.path("problems").asInt()).isEqualTo(12);
            JsonNode natural = r.path("natural");
            assertThat(natural.path("output_tokens").asDouble()).isBetween(400.0, 905.0);
            JsonNode b256 = r.path("budgets").get(0);
            assertThat(b256.path("budget").asInt()).isEqualTo(256);
            assertThat(b256.path("within_10pct").asDouble()).isEqualTo(1.0);
            assertThat(b256.path("max_thinking_tokens").asLong()).isLessThanOrEqualTo(256);
            JsonNode b1024 = r.path("budgets").get(1);
            assertThat(b1024.path("mean_waits").asDouble()).isPositive();
            assertThat(b1024.path("mean_thinking_tokens").asDouble()).isBetween(0.9 * 1024, 1.1 * 1024);
            for (JsonNode m : r.path("matches")) {
                double think = m.path("think").path("output_tokens").asDouble();
                int n = Integer.parseInt(m.path("vote").path("strategy").asText().substring("vote@".length()));
                assertThat(n).isEqualTo((int) Math.max(1, Math.round(think / natural.path("output_tokens").asDouble())));
                assertThat(m.path("winner").asText()).isIn(m.path("think").path("strategy").asText(),
                        m.path("vote").path("strategy").asText(), "neither (within noise)");
                assertThat(m.path("diff_low").asDouble()).isLessThanOrEqualTo(m.path("diff_high").asDouble());
            }
            assertThat(r.path("domains")).hasSize(2);
            assertThat(r.path("domains").get(0).path("problems").asInt()).isEqualTo(6);
        }
    }

    @Test
    void prints_tables_without_json(@TempDir Path dir) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        Path file = problems(dir, answers);
        try (var server = FakeOpenAiServer.start(new FakeQuiz(answers, 100, 200, 1).handler())) {
            Cli c = Cli.run("bench", "thinking", "--base-url", server.baseUrl().toString(), "--model", "m", "--problems", file.toString(),
                    "--budgets", "128", "--limit", "4");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(c.out()).contains("think@T holds its budget").contains("think@128").contains("vote@").contains("winner");
        }
    }

    @Test
    void ponder_run_takes_think_at_t_and_reports_thinking_tokens_apart_from_output(@TempDir Path dir) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        Path file = problems(dir, answers);
        try (var server = FakeOpenAiServer.start(new FakeQuiz(answers, 600, 900, 5).handler())) {
            String[] args = {"run", "--problems", file.toString(), "--base-url", server.baseUrl().toString(), "--model", "m",
                    "--strategy", "think@512", "--limit", "3"};
            Cli c = Cli.run(args);
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(c.out()).contains("of thinking").contains("think@512");
            Cli j = Cli.run(Stream.concat(Arrays.stream(args), Stream.of("--json")).toArray(String[]::new));
            JsonNode row = new ObjectMapper().readTree(j.out()).at("/runs/0/rows/0");
            assertThat(row.path("thinking_tokens_per_problem").asDouble()).isEqualTo(512.0);
            assertThat(row.path("output_tokens_per_problem").asDouble()).isGreaterThan(512.0);
        }
    }

    @Test
    void a_budget_below_sixteen_tokens_is_refused(@TempDir Path dir) throws Exception {
        Path file = problems(dir, new LinkedHashMap<>());
        Cli c = Cli.run("bench", "thinking", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--problems", file.toString(), "--budgets", "8");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("--budgets").contains("8");
    }
}
