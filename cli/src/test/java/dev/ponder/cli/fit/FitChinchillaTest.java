package dev.ponder.cli.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.stats.fit.ChinchillaLaw;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitChinchillaTest {
    @TempDir Path dir;

    private Path synthetic() throws Exception {
        ChinchillaLaw truth = new ChinchillaLaw(1.8, 500, 2000, 0.35, 0.37);
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(2);
        StringBuilder csv = new StringBuilder("params,tokens,final_loss,skip\n");
        for (int i = 0; i < 80; i++) {
            double n = Math.pow(10, 7 + 3.5 * r.nextDouble()), d = Math.pow(10, 9 + 3 * r.nextDouble());
            csv.append(n).append(',').append(d).append(',').append(truth.loss(n, d) * Math.exp(0.003 * r.nextGaussian()))
                    .append(',').append(i < 3 ? "true" : "false").append('\n');
        }
        return Files.writeString(dir.resolve("points.csv"), csv);
    }

    @Test
    void json_has_the_documented_fields_and_counts_exclusions() throws Exception {
        Path pred = Files.writeString(dir.resolve("pred.csv"), "params,tokens\n7e10,1.4e12\n");
        CliRun run = CliRun.of("fit", "chinchilla", "--data", synthetic().toString(), "--exclude-flag", "skip",
                "--n-column", "params", "--d-column", "tokens", "--loss-column", "final_loss", "--bootstrap", "30",
                "--predict", pred.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("points").asInt()).isEqualTo(77);
        assertThat(j.get("excluded").asInt()).isEqualTo(3);
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            assertThat(j.get("params").has(p)).isTrue();
            assertThat(j.get("stderr").get(p).asDouble()).isPositive();
            assertThat(j.get("ci95").get(p)).hasSize(2);
        }
        assertThat(j.get("params").get("alpha").asDouble()).isCloseTo(0.35, within(0.03));
        assertThat(j.get("optimal")).hasSize(5);
        JsonNode p = j.get("predictions").get(0);
        assertThat(p.get("loss").asDouble()).isBetween(p.get("lo").asDouble(), p.get("hi").asDouble());
        assertThat(p.get("N_params").asDouble()).isEqualTo(7e10);
    }

    @Test
    void missing_column_names_file_column_and_columns_found() throws Exception {
        CliRun run = CliRun.of("fit", "chinchilla", "--data", synthetic().toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("points.csv").contains("no column \"N_params\"")
                .contains("columns found: params, tokens, final_loss, skip");
    }

    @Test
    void bad_number_names_file_and_line() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "N_params,D_tokens,loss\n1e9,2e10,3.1\n2e9,abc,3.0\n");
        CliRun run = CliRun.of("fit", "chinchilla", "--data", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.csv:3: column \"D_tokens\": not a number: \"abc\"");
    }

    @Test
    void reproduces_epoch_on_shared_data() {
        Optional<Path> csv = CliRun.shared("data/scaling_chinchilla_epoch_replication/chinchilla_approach3_points.csv");
        assumeTrue(csv.isPresent(), "../shared not present: skipping the Epoch reproduction");
        CliRun run = CliRun.of("fit", "chinchilla", "--data", csv.get().toString(), "--exclude-flag", "excluded_by_epoch_fit",
                "--bootstrap", "50", "--json");
        JsonNode j = run.json();
        assertThat(j.get("points").asInt()).isEqualTo(240);
        assertThat(j.get("excluded").asInt()).isEqualTo(5);
        assertThat(j.get("params").get("E").asDouble()).isCloseTo(1.817, within(0.015 * 1.817));
        assertThat(j.get("params").get("alpha").asDouble()).isCloseTo(0.3478, within(0.03 * 0.3478));
        assertThat(j.get("params").get("beta").asDouble()).isCloseTo(0.3658, within(0.03 * 0.3658));
    }
}
