package dev.ponder.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.cli.fit.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandsTest {
    @TempDir Path dir;

    @Test
    void resample_reproduces_the_notebook_values() {
        JsonNode j = CliRun.of("plan", "resample", "--json").json();
        assertThat(j.get("beta_1").asDouble()).isCloseTo(0.0975, within(1e-12));
        assertThat(j.get("beta_2").asDouble()).isCloseTo(0.6525, within(1e-12));
        assertThat(j.get("p_correct").get(0).asDouble()).isCloseTo(0.87, within(1e-12));
        assertThat(j.get("p_correct").get(1).asDouble()).isCloseTo(0.13, within(1e-12));
        assertThat(j.get("p_fluke").get(0).asDouble()).isCloseTo(0.0325, within(1e-12));
        assertThat(j.get("p_fluke").get(1).asDouble()).isCloseTo(0.2175, within(1e-12));
        assertThat(j.get("costs")).hasSize(3);
        assertThat(j.get("costs").get(2).get("best_k").asInt()).isBetween(1, 15);
    }

    @Test
    void compute_gives_chinchilla_optimum_and_exchange_rates() {
        JsonNode j = CliRun.of("plan", "compute", "--flops", "1e24", "--size-ratio", "10", "--tokens-ratio", "1", "--json").json();
        JsonNode o = j.get("optimal").get(0);
        assertThat(6 * o.get("N_params").asDouble() * o.get("D_tokens").asDouble()).isCloseTo(1e24, within(1e12));
        assertThat(j.get("exchange").get(0).get("jones_test_multiplier").asDouble()).isCloseTo(15, within(1e-9));
        assertThat(j.get("exchange").get(0).get("snell_inference_multiplier").get("1.0").asDouble()).isCloseTo(37, within(1e-9));
    }

    @Test
    void samples_plans_both_strategies_and_reports_unreachable_targets() throws Exception {
        Path bank = CliRun.bank(dir.resolve("b"), 12, 0, 1, 2, 5, 12, 0, 3, 1, 1, 2);
        CliRun run = CliRun.of("plan", "samples", "--bank", bank.toString(), "--target", "0.5", "--bootstrap", "40",
                "--trials", "50", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode s = run.json().get("strategies");
        assertThat(s).hasSize(2);
        JsonNode best = s.get(0);
        assertThat(best.get("strategy").asText()).startsWith("best-of");
        assertThat(best.get("reachable").asBoolean()).isTrue();
        assertThat(best.get("samples").asInt()).isBetween(1, 30);
        assertThat(best.get("dollars_per_problem").asDouble()).isCloseTo(best.get("samples").asInt() * 0.001, within(1e-12));
        CliRun high = CliRun.of("plan", "samples", "--bank", bank.toString(), "--target", "0.99", "--bootstrap", "20",
                "--trials", "20", "--json");
        assertThat(high.json().get("strategies").get(1).get("reachable").asBoolean()).isFalse();
    }

    @Test
    void target_out_of_range_is_exit_2() throws Exception {
        Path bank = CliRun.bank(dir.resolve("c"), 4, 1, 2);
        CliRun run = CliRun.of("plan", "samples", "--bank", bank.toString(), "--target", "1.5");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--target must be in (0,1), was 1.5");
    }
}
