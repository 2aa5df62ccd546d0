package dev.ponder.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.SharedData;
import org.junit.jupiter.api.Test;

class StrategiesCommandTest {
    private static final String MATH = SharedData.shippedBank("math-qwen25-rm8").toString();

    @Test
    void cross_fit_adds_a_table_per_bank_that_pools_every_left_out_problem() throws Exception {
        Cli c = Cli.run("bench", "strategies", "--bank", MATH, "--permutations", "2", "--cross-fit", "3", "--epsilon", "0.05", "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(c.out());
        assertThat(j.get("banks")).hasSize(1);
        assertThat(j.get("cross_fit")).hasSize(1);
        assertThat(j.get("cross_fit").get(0).toString()).contains("math-qwen25-rm8");
    }

    @Test
    void sizes_that_set_the_work_are_bounded_and_refused_in_one_line() {
        Cli repeats = Cli.run("bench", "strategies", "--bank", MATH, "--cross-fit", "2", "--repeats", "2147483647");
        assertThat(repeats.exit()).isEqualTo(2);
        assertThat(repeats.err().strip()).isEqualTo("ponder: --repeats must be in [1, 1000], was 2147483647");
        assertThat(repeats.out()).as("refused before the bench runs").isEmpty();
        Cli folds = Cli.run("bench", "strategies", "--bank", MATH, "--cross-fit", "1");
        assertThat(folds.exit()).isEqualTo(2);
        assertThat(folds.err().strip()).isEqualTo("ponder: --cross-fit must be in [2, 1000], was 1");
        Cli alone = Cli.run("bench", "strategies", "--bank", MATH, "--risk", "accuracy");
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err().strip()).isEqualTo("ponder: --risk applies with --cross-fit K only");
    }
}
