package dev.ponder.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The strategy catalogue on a live backend: `ponder run --problems` against a fake OpenAI server whose model answers
 * right two times in three (and rates its own answers when asked), so voting strategies beat a single sample.
 */
class LiveStrategiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_strategy_runs_against_a_live_server_and_voting_pays() throws Exception {
        Path file = Path.of("").toAbsolutePath().getParent().resolve("data/problems/arith-mini.jsonl");
        Map<String, String> reference = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            reference.put(n.path("question").asText(), n.path("reference").asText());
        }
        AtomicInteger calls = new AtomicInteger();
        try (var server = FakeOpenAiServer.start(r -> {
            String asked = r.allPromptText();
            if (asked.contains("How likely is its final answer")) return FakeReply.each(r, i -> FakeOutput.text("0.7"));
            String ref = reference.entrySet().stream().filter(e -> asked.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse("0");
            return FakeReply.each(r, i -> FakeOutput.text(calls.getAndIncrement() % 3 == 2
                    ? "I get " + (Integer.parseInt(ref) + 1) + ". The answer is " + (Integer.parseInt(ref) + 1) + "."
                    : "Working it out, the answer is " + ref + "."));
        })) {
            Cli c = Cli.run("run", "--problems", file.toString(), "--base-url", server.baseUrl().toString(), "--model", "fake",
                    "--strategy", "single", "--strategy", "vote@5", "--strategy", "adaptive@8", "--strategy", "best@3",
                    "--strategy", "wvote@3", "--strategy", "refine@1", "--strategy", "cascade", "--strategy", "optimal@3",
                    "--concurrency", "1", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            Map<String, JsonNode> rows = new HashMap<>();
            for (JsonNode row : JSON.readTree(c.out()).at("/runs/0/rows")) rows.put(row.path("strategy").asText(), row);
            assertThat(rows).containsKeys("single", "vote@5", "adaptive@8", "best@3", "wvote@3", "refine@1", "cascade@3", "optimal@3");
            assertThat(rows.get("vote@5").path("accuracy").asDouble()).isEqualTo(1.0);
            assertThat(rows.get("vote@5").path("samples_per_problem").asDouble()).isEqualTo(5.0);
            assertThat(rows.get("adaptive@8").path("accuracy").asDouble()).isGreaterThanOrEqualTo(rows.get("single").path("accuracy").asDouble());
            assertThat(rows.get("optimal@3").path("samples_per_problem").asDouble()).as("a longer chain counts as two samples but is one").isBetween(2.0, 3.0);
            for (JsonNode row : rows.values()) assertThat(row.path("output_tokens_per_problem").asDouble()).as(row.path("strategy").asText()).isPositive();
        }
    }
}
