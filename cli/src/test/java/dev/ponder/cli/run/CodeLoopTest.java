package dev.ponder.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.sandbox.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code loop against a fake OpenAI server that answers each problem with its reference and a broken solution. */
class CodeLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pass_at_k_counts_the_reference_and_not_the_broken_solution() throws Exception {
        Path file = Path.of(getClass().getResource("/code/humanevalx-java-3.jsonl").toURI());
        List<JsonNode> problems = new ArrayList<>();
        for (String line : Files.readAllLines(file)) problems.add(JSON.readTree(line));
        try (var server = FakeOpenAiServer.start(r -> {
            String asked = r.allPromptText();
            JsonNode p = problems.stream().filter(x -> asked.contains(x.path("prompt").asText().strip())).findFirst().orElseThrow();
            String good = "Here you go:\n```java\n" + p.path("prompt").asText() + p.path("canonical_solution").asText() + "\n```";
            String broken = "```java\n" + p.path("prompt").asText() + "        return null\n    }\n}\n```";
            return FakeReply.each(r, i -> FakeOutput.text(i % 2 == 0 ? good : broken));
        })) {
            List<String> args = new ArrayList<>(List.of("run", "--problems", file.toString(), "--base-url", server.baseUrl().toString(),
                    "--model", "fake-coder", "--pass-at-k", "2", "--json"));
            if (Sandboxes.bubblewrapUnavailable().isPresent()) args.add("--unsandboxed");
            Cli c = Cli.run(args.toArray(String[]::new));
            assertThat(c.exit()).as(c.err()).isZero();
            JsonNode report = JSON.readTree(c.out()).at("/runs/0/pass_at_k");
            assertThat(report.path("problems").asInt()).isEqualTo(3);
            assertThat(report.at("/rows/0/k").asInt()).isEqualTo(1);
            assertThat(report.at("/rows/0/pass_at_k").asDouble()).isEqualTo(0.5);
            assertThat(report.at("/rows/1/pass_at_k").asDouble()).isEqualTo(1.0);
            assertThat(report.at("/verdicts/passed").asInt()).isEqualTo(3);
            assertThat(report.at("/verdicts/compile_error").asInt()).isEqualTo(3);
        }
    }
}
