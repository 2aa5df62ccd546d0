package dev.ponder.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String MATH = SharedData.shippedBank("math-qwen25-rm8").toString();

    @Test
    void replay_is_exact_the_same_seed_gives_the_same_table() {
        Cli a = Cli.run("run", "--bank", MATH, "--strategy", "single", "--strategy", "vote@3", "--seed", "11", "--json");
        Cli b = Cli.run("run", "--bank", MATH, "--strategy", "single", "--strategy", "vote@3", "--seed", "11", "--json");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
    }

    @Test
    void json_rows_carry_the_documented_fields() throws Exception {
        Cli c = Cli.run("run", "--bank", MATH, "--strategy", "vote@N-max", "--json");
        JsonNode row = new ObjectMapper().readTree(c.out()).path("runs").get(0).path("rows").get(0);
        assertThat(row.path("strategy").asText()).isEqualTo("vote@8");
        for (String f : new String[] {"accuracy", "ci_low", "ci_high", "samples_per_problem", "output_tokens_per_problem", "cost_per_problem"}) {
            assertThat(row.has(f)).as(f).isTrue();
        }
        assertThat(row.path("ci_low").asDouble()).isLessThanOrEqualTo(row.path("accuracy").asDouble());
        assertThat(row.path("samples_per_problem").asDouble()).isEqualTo(8.0);
    }

    @Test
    void vote_over_all_samples_does_not_depend_on_the_order_but_single_does() throws Exception {
        ObjectMapper om = new ObjectMapper();
        double v1 = om.readTree(Cli.run("run", "--bank", MATH, "--strategy", "vote@8", "--seed", "1", "--json").out()).at("/runs/0/rows/0/accuracy").asDouble();
        double v2 = om.readTree(Cli.run("run", "--bank", MATH, "--strategy", "vote@8", "--order", "recorded", "--json").out()).at("/runs/0/rows/0/accuracy").asDouble();
        assertThat(v1).isEqualTo(v2);
    }

    @Test
    void an_unknown_strategy_lists_the_known_ones() {
        Cli c = Cli.run("run", "--bank", MATH, "--strategy", "magic@3");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("unknown strategy \"magic@3\"").contains("vote@N");
    }

    @Test
    void a_missing_bank_names_the_path() {
        Cli c = Cli.run("run", "--bank", "/nonexistent/bank");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("/nonexistent/bank");
    }

    @Test
    void a_negative_budget_is_refused() {
        Cli c = Cli.run("run", "--bank", MATH, "--budget-dollars", "-1");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("-1");
    }

    @Test
    void a_bad_line_is_reported_and_the_rest_runs(@TempDir Path dir) throws Exception {
        Path bank = dir.resolve("b");
        Files.createDirectories(bank);
        Files.writeString(bank.resolve("bank.json"), "{\"name\": \"tiny\", \"model\": \"m\", \"answer_kind\": \"exact\"}");
        Files.writeString(bank.resolve("problems.jsonl"), "{\"id\": \"a\", \"question\": \"q\", \"reference\": \"x\"}\n");
        Files.writeString(bank.resolve("samples.jsonl"),
                "{\"problem_id\": \"a\", \"index\": 0, \"text\": \"The answer is x\", \"answer\": \"x\", \"correct\": true}\n{oops\n");
        Cli c = Cli.run("run", "--bank", bank.toString(), "--strategy", "single", "--json");
        assertThat(c.exit()).isZero();
        assertThat(c.err()).contains("samples.jsonl:2").contains("malformed JSON");
        assertThat(new ObjectMapper().readTree(c.out()).at("/runs/0/rows/0/accuracy").asDouble()).isEqualTo(1.0);
    }
}
