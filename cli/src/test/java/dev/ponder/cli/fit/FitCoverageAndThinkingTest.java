package dev.ponder.cli.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCoverageAndThinkingTest {
    @TempDir Path dir;

    @Test
    void coverage_reports_pass_at_k_law_and_extrapolation() throws Exception {
        Path bank = CliRun.bank(dir.resolve("b"), 10, 0, 1, 2, 5, 10, 0, 3);
        CliRun run = CliRun.of("fit", "coverage", "--bank", bank.toString(), "--bootstrap", "50", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("pass_at_k")).hasSize(10);
        assertThat(j.get("pass_at_k").get(0).get("value").asDouble()).isCloseTo(21.0 / 70, within(1e-12));
        assertThat(j.get("pass_at_k").get(9).get("value").asDouble()).isCloseTo(5.0 / 7, within(1e-12));
        assertThat(j.get("extrapolation").get("k").asInt()).isEqualTo(100);
        assertThat(j.get("fit").get("b").asDouble()).isNegative();
    }

    @Test
    void coverage_on_game24_matches_the_recomputed_single_sample_rates() {
        Optional<Path> io = CliRun.shared("banks/game24-gpt4-io");
        assumeTrue(io.isPresent(), "../shared not present: skipping game24");
        JsonNode j = CliRun.of("fit", "coverage", "--bank", io.get().toString(), "--bootstrap", "20", "--json").json();
        double p1 = j.get("pass_at_k").get(0).get("value").asDouble();
        assertThat(p1).isBetween(0.04, 0.11);    // ToT paper: 7.3% on all 100 puzzles; this bank holds 49
    }

    @Test
    void thinking_reports_per_model_fields_and_pass_hat_k() throws Exception {
        StringBuilder o = new StringBuilder("dataset,query_id,model,score,cost_usd,thinking_tokens\n");
        for (int q = 0; q < 40; q++) {
            o.append("aime,").append(q).append(",a,").append(q % 3 == 0 ? "0.0" : "1.0").append(",0.01,").append(100 + 50 * q).append('\n');
            o.append("aime,").append(q).append(",b,").append(q < 10 ? "1.0" : "0.0").append(",0.002,").append(q == 0 ? "" : String.valueOf(30 * q)).append('\n');
        }
        o.append("aime,99,a,,0.5,100\n");   // no score: skipped and counted, not an error
        Files.writeString(dir.resolve("outcomes.csv"), o);
        StringBuilder r = new StringBuilder("model,run,query_id,score\n");
        for (int run = 0; run < 3; run++) for (int q = 0; q < 4; q++) r.append("a,").append(run).append(',').append(q).append(',')
                .append(q < 2 || run == 0 ? "1.0" : "0.0").append('\n');
        r.append("a,0,0,0.0\n");   // a duplicate (a retry) is skipped
        Files.writeString(dir.resolve("repeated_trials_x.csv"), r);
        CliRun run = CliRun.of("fit", "thinking", "--outcomes", dir.toString(), "--bootstrap", "50", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode a = run.json().get("models").get(0);
        assertThat(a.get("model").asText()).isEqualTo("a");
        assertThat(a.get("queries").asInt()).isEqualTo(40);
        assertThat(a.get("accuracy").asDouble()).isCloseTo(26.0 / 40, within(1e-12));
        assertThat(a.get("ci_low").asDouble()).isLessThan(a.get("accuracy").asDouble());
        assertThat(a.get("cost_per_query").asDouble()).isCloseTo(0.01, within(1e-12));
        assertThat(a.get("mean_thinking_tokens").asDouble()).isCloseTo(100 + 50 * 19.5, within(1e-9));
        assertThat(a.has("slope_per_doubling")).isTrue();
        // queries 0,1 always right (pass^k = 1), queries 2,3 right once in 3 runs: pass^1 = (1+1+1/3+1/3)/4
        assertThat(a.get("pass_hat_k").get("1").asDouble()).isCloseTo((2 + 2.0 / 3) / 4, within(1e-12));
        assertThat(a.get("pass_hat_k").get("3").asDouble()).isCloseTo(0.5, within(1e-12));
        JsonNode b = run.json().get("models").get(1);
        assertThat(b.get("queries_with_thinking").asInt()).isEqualTo(39);
        assertThat(b.get("pass_hat_k").size()).isZero();
        assertThat(run.json().get("repeated_trials").get("duplicate_rows_skipped").asInt()).isEqualTo(1);
        assertThat(run.json().get("unscored_rows_skipped").asInt()).isEqualTo(1);
    }

    @Test
    void thinking_on_shared_outcomes_lists_every_model() {
        Optional<Path> d = CliRun.shared("data/router_pricing_reversal/outcomes.csv");
        assumeTrue(d.isPresent(), "../shared not present: skipping router_pricing_reversal");
        JsonNode j = CliRun.of("fit", "thinking", "--outcomes", d.get().getParent().toString(), "--bootstrap", "20", "--json").json();
        assertThat(j.get("models").size()).isEqualTo(8);
        for (JsonNode m : j.get("models")) {
            assertThat(m.get("accuracy").asDouble()).isBetween(m.get("ci_low").asDouble(), m.get("ci_high").asDouble());
        }
    }

    @Test
    void missing_outcomes_folder_is_exit_2() {
        CliRun run = CliRun.of("fit", "thinking", "--outcomes", dir.resolve("nope").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("not found");
    }
}
