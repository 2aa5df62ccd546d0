package dev.ponder.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticCommandTest {
    @TempDir
    Path dir;

    @Test
    void chooses_a_threshold_on_a_set_and_reports_bad_lines() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, """
                {"id": "capital", "meanings": [["Canberra is the capital of Australia.", "Australia's capital city is Canberra."], ["Sydney is the capital of Australia.", "The capital of Australia is Sydney."]]}
                {"id": "broken", "meanings": "not a list"}
                {"id": "boil", "meanings": [["Water boils at 100 degrees Celsius at sea level.", "At sea level water boils at 100 C."], ["Water boils at 50 degrees Celsius.", "The boiling point of water is 50 C."]]}
                """);
        Cli c = Cli.run("bench", "semantic", "--set", f.toString(), "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).contains(f + ":2: \"meanings\" must be an array of at least two meanings (line skipped)");
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.path("questions").asInt()).isEqualTo(2);
        assertThat(j.path("votes").asInt()).isEqualTo(2 * 2 * 10);
        assertThat(j.path("threshold").asDouble()).isBetween(0.5, 0.99);
        assertThat(j.path("table")).hasSize(10);
        Cli text = Cli.run("bench", "semantic", "--set", f.toString(), "--orders", "2");
        assertThat(text.out()).contains("chosen (most votes right, in-sample):", "cross-fitted votes right", "shipped threshold (MiniLm.THRESHOLD): 0.58");
    }

    @Test
    void refuses_zero_orders_and_a_missing_set() {
        Cli zero = Cli.run("bench", "semantic", "--orders", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("ponder: --orders must be in [1, 10000], was 0");
        assertThat(Cli.run("bench", "semantic", "--orders", "2147483647").err().strip()).isEqualTo("ponder: --orders must be in [1, 10000], was 2147483647");
        Cli missing = Cli.run("bench", "semantic", "--set", dir.resolve("none.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("file not found");
    }
}
