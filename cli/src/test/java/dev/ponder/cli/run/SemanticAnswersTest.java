package dev.ponder.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** {@code ponder run --answers semantic|usc} on the hand-written free-form bank (replayed) and its questions (live, faked). */
class SemanticAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BANK = Path.of("").toAbsolutePath().getParent().resolve("data/semantic/explain-bank");

    @Test
    void grouping_by_meaning_beats_counting_identical_replies_and_lets_adaptive_stop() throws Exception {
        Map<String, JsonNode> semantic = rows(Cli.run("run", "--bank", BANK.toString(), "--answers", "semantic",
                "--strategy", "vote@5", "--strategy", "adaptive", "--json"));
        Map<String, JsonNode> recorded = rows(Cli.run("run", "--bank", BANK.toString(), "--strategy", "vote@5", "--strategy", "adaptive", "--json"));
        assertThat(semantic.get("vote@5").path("accuracy").asDouble()).isGreaterThan(recorded.get("vote@5").path("accuracy").asDouble());
        assertThat(recorded.get("adaptive").path("samples_per_problem").asDouble()).as("no two replies are worded alike").isEqualTo(5.0);
        assertThat(semantic.get("adaptive").path("samples_per_problem").asDouble()).as("groups by meaning settle before the full budget").isLessThan(5.0);
    }

    @Test
    void usc_asks_the_model_once_per_question_and_its_tokens_are_counted() throws Exception {
        Map<String, String> reference = new HashMap<>();
        for (String line : Files.readAllLines(BANK.resolve("problems.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            reference.put(n.path("question").asText(), n.path("reference").asText());
        }
        List<Integer> tokens = new ArrayList<>();
        try (var server = FakeOpenAiServer.start(r -> {
            String asked = r.allPromptText();
            String ref = reference.entrySet().stream().filter(e -> asked.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElseThrow();
            IntFunction<String> reply = asked.contains("Select the most consistent response")
                    ? i -> "The most consistent response is Response " + position(asked, ref) + "."
                    : i -> i < 2 ? "I am not sure about this one." : i == 3 ? ref : "In short: " + ref + " (" + i + ")";
            return FakeReply.each(r, i -> {
                String t = reply.apply(i);
                synchronized (tokens) {
                    tokens.add(FakeTokens.count(t));
                }
                return FakeOutput.text(t);
            });
        })) {
            Cli c = Cli.run("run", "--problems", BANK.resolve("problems.jsonl").toString(), "--base-url", server.baseUrl().toString(),
                    "--model", "fake", "--answers", "usc", "--strategy", "vote@5", "--json");
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode row = rows(c).get("vote@5");
            assertThat(row.path("accuracy").asDouble()).as("the judge names the reply equal to the reference").isEqualTo(1.0);
            assertThat(row.path("samples_per_problem").asDouble()).isEqualTo(5.0);
            assertThat(server.requestCount()).isEqualTo(2 * reference.size());
            assertThat(row.path("output_tokens_per_problem").asDouble()).as("samples' and judge's tokens")
                    .isEqualTo(tokens.stream().mapToInt(Integer::intValue).sum() / (double) reference.size());
        }
    }

    @Test
    void bad_answer_settings_are_one_line_and_exit_2() {
        Cli bad = Cli.run("run", "--bank", BANK.toString(), "--answers", "meaning");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("ponder: --answers must be recorded, extract, semantic or usc, was \"meaning\"");
        Cli both = Cli.run("run", "--bank", BANK.toString(), "--answers", "semantic", "--extractor", "number");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("ponder: --answers semantic groups whole replies; drop --extractor number");
    }

    /** The number the judge prompt gives the reply that equals the reference. */
    private static int position(String prompt, String ref) {
        for (int i = 0; i < 5; i++) if (prompt.contains("Response " + i + ": " + ref + "\n")) return i;
        throw new AssertionError("the reference is not among the responses");
    }

    private static Map<String, JsonNode> rows(Cli c) throws Exception {
        assertThat(c.exit()).as(c.err()).isZero();
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode row : JSON.readTree(c.out()).at("/runs/0/rows")) out.put(row.path("strategy").asText(), row);
        return out;
    }
}
