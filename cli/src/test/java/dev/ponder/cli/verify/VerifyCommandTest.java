package dev.ponder.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Main;
import dev.ponder.sandbox.Sandboxes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final String PROMPT = "import java.util.*;\nimport java.lang.*;\n\nclass Solution {\n    public int add(int a, int b) {\n";
    private static final String TEST = "public class Main {\n    public static void main(String[] args) {\n"
            + "        Solution s = new Solution();\n"
            + "        List<Boolean> correct = Arrays.asList(s.add(2, 3) == 5);\n"
            + "        if (correct.contains(false)) throw new AssertionError();\n    }\n}\n";

    @TempDir
    Path dir;
    Path problems;

    @BeforeEach
    void writeProblems() throws IOException {
        problems = dir.resolve("problems.jsonl");
        Files.writeString(problems, new ObjectMapper().writeValueAsString(Map.of("task_id", "Tiny/0", "prompt", PROMPT,
                "test", TEST, "canonical_solution", "        return a + b;\n    }\n}\n")) + "\n");
    }

    private record Result(int exit, String out, String err) {}

    private Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void json_verdict_for_a_passing_and_a_failing_candidate() throws IOException {
        Assumptions.assumeTrue(Sandboxes.bubblewrapUnavailable().isEmpty(), "bwrap missing: skipping ponder verify run");
        Path good = Files.writeString(dir.resolve("good.java"), "```java\n        return a + b;\n    }\n}\n```\n");
        Path bad = Files.writeString(dir.resolve("bad.java"), "        return a - b;\n    }\n}\n");
        Result ok = run("verify", "--problems", problems.toString(), "--task", "Tiny/0", "--candidate", good.toString(), "--json");
        JsonNode okJson = new ObjectMapper().readTree(ok.out());
        assertThat(ok.exit()).isZero();
        assertThat(okJson.get("task").asText()).isEqualTo("Tiny/0");
        assertThat(okJson.get("verdict").asText()).isEqualTo("passed");
        assertThat(okJson.get("millis").asLong()).isNotNegative();
        Result no = run("verify", "--problems", problems.toString(), "--task", "Tiny/0", "--candidate", bad.toString(), "--json");
        assertThat(no.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(no.out()).get("verdict").asText()).isEqualTo("failed");
    }

    @Test
    void unknown_task_is_a_clear_error() throws IOException {
        Path good = Files.writeString(dir.resolve("good.java"), "return a + b; } }");
        Result r = run("verify", "--problems", problems.toString(), "--task", "Nope/1", "--candidate", good.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no task 'Nope/1'");
    }
}
