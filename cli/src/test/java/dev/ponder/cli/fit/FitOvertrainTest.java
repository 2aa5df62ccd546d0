package dev.ponder.cli.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.stats.fit.OvertrainLaw;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitOvertrainTest {
    private static final OvertrainLaw TRUTH = new OvertrainLaw(1.8, 150, 400, 0.13);
    private static final double[] SIZES = {1.1e7, 7.9e7, 1.5e8, 4.1e8, 1.4e9};
    private static final double[] MULTIPLIERS = {5, 10, 20, 40, 80, 160, 320, 640};

    @TempDir Path dir;

    /** A wide table like models_losses.csv: two corpora, runs from 11M to 1.4B, losses from a known law. */
    private Path wide() throws Exception {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(4);
        StringBuilder csv = new StringBuilder("name,train_dataset,params,tokens,loss_c4_val,loss_other\n");
        for (String corpus : new String[] {"rpj", "rw"}) {
            for (double n : SIZES) {
                for (double m : MULTIPLIERS) {
                    double loss = TRUTH.loss(n, m * n) * Math.exp(0.002 * r.nextGaussian()) + (corpus.equals("rw") ? 0.3 : 0);
                    csv.append(corpus).append("-").append(n).append("-").append(m).append(',').append(corpus).append(',')
                            .append(n).append(',').append(m * n).append(',').append(loss).append(",7\n");
                }
            }
        }
        return Files.writeString(dir.resolve("wide.csv"), csv);
    }

    @Test
    void json_has_the_chinchilla_shape_with_errors_mape_and_the_comparison() throws Exception {
        Path wide = wide();
        CliRun run = CliRun.of("fit", "overtrain", "--data", wide.toString(), "--n-column", "params", "--d-column", "tokens",
                "--loss-column", "loss_c4_val", "--where", "train_dataset=rpj", "--max-params", "1e9", "--bootstrap", "40",
                "--predict", wide.toString(), "--predict-where", "train_dataset=rpj", "--predict-where", "params>1e9", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("rows").asInt()).isEqualTo(80);
        assertThat(j.get("filtered").asInt()).isEqualTo(48);   // the other corpus, and rpj's 1.4B runs
        assertThat(j.get("points").asInt()).isEqualTo(5);      // M = 20 at 4 sizes, M = 320 at the smallest
        assertThat(j.get("runs").asText()).isEqualTo("paper");
        for (String p : new String[] {"E", "a", "b", "eta"}) {
            assertThat(j.get("params").has(p)).isTrue();
            assertThat(j.get("stderr").get(p).asDouble()).isPositive();
            assertThat(j.get("ci95").get(p)).hasSize(2);
        }
        assertThat(j.get("params").get("eta").asDouble()).isCloseTo(0.13, within(0.02));
        assertThat(j.get("optimal")).hasSize(5);
        assertThat(j.get("predictions")).hasSize(8);
        double sum = 0;
        for (JsonNode p : j.get("predictions")) {
            assertThat(p.get("N_params").asDouble()).isEqualTo(1.4e9);
            assertThat(p.get("loss").asDouble()).isBetween(p.get("lo").asDouble(), p.get("hi").asDouble());
            double err = 100 * (p.get("loss").asDouble() / p.get("actual").asDouble() - 1);
            assertThat(p.get("error_pct").asDouble()).isCloseTo(err, within(1e-9));
            sum += Math.abs(err);
        }
        assertThat(j.get("mape").asDouble()).isCloseTo(sum / 8, within(1e-9)).isLessThan(2.0);
        JsonNode chin = j.get("comparison").get("chinchilla");
        assertThat(chin.get("points").asInt()).isEqualTo(32);
        assertThat(chin.get("error_pct")).hasSize(8);
        assertThat(chin.get("mape").asDouble()).isPositive();
        assertThat(j.get("bootstrap").asInt()).isEqualTo(40);
        assertThat(j.get("seed").asLong()).isEqualTo(1);
    }

    @Test
    void same_seed_same_numbers_and_text_by_default() throws Exception {
        String[] args = {"fit", "overtrain", "--data", wide().toString(), "--n-column", "params", "--d-column", "tokens",
                "--loss-column", "loss_c4_val", "--where", "train_dataset=rw", "--runs", "all", "--bootstrap", "30", "--seed", "9"};
        CliRun a = CliRun.of(args), b = CliRun.of(args);
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).contains("fitted on 40 of 40 runs (--runs all)").contains("eta")
                .doesNotContain("MAPE");
    }

    @Test
    void bad_number_names_file_line_and_column() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "N_params,D_tokens,loss\n1e9,2e10,3.1\n2e9,4e10,oops\n");
        CliRun run = CliRun.of("fit", "overtrain", "--data", bad.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.csv:3: column \"loss\": not a number: \"oops\"").doesNotContain("Exception");
    }

    @Test
    void a_huge_bootstrap_is_refused_with_the_limit() throws Exception {
        CliRun run = CliRun.of("fit", "overtrain", "--data", wide().toString(), "--bootstrap", "2000000000");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("ponder: --bootstrap must be between 1 and 100000, was 2000000000");
    }

    @Test
    void bad_filters_name_the_flag_or_the_column() throws Exception {
        Path wide = wide();
        CliRun expr = CliRun.of("fit", "overtrain", "--data", wide.toString(), "--where", "train_dataset");
        assertThat(expr.exit()).isEqualTo(2);
        assertThat(expr.err()).contains("--where \"train_dataset\": expected COLUMN=VALUE");
        CliRun column = CliRun.of("fit", "overtrain", "--data", wide.toString(), "--n-column", "params", "--d-column", "tokens",
                "--loss-column", "loss_c4_val", "--where", "corpus=rpj");
        assertThat(column.exit()).isEqualTo(2);
        assertThat(column.err()).contains("wide.csv: no column \"corpus\"");
        CliRun nothing = CliRun.of("fit", "overtrain", "--data", wide.toString(), "--n-column", "params", "--d-column", "tokens",
                "--loss-column", "loss_c4_val", "--where", "train_dataset=c4");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("no rows left to fit");
    }

    @Test
    void data_without_the_papers_runs_says_what_is_missing() throws Exception {
        StringBuilder csv = new StringBuilder("N_params,D_tokens,loss\n");
        for (double n : SIZES) csv.append(n).append(',').append(20 * n).append(',').append(TRUTH.loss(n, 20 * n)).append('\n');
        Path f = Files.writeString(dir.resolve("m20.csv"), csv);
        CliRun run = CliRun.of("fit", "overtrain", "--data", f.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--runs paper").contains("no run at M = 320").contains("--runs all");
    }

    @Test
    void a_fit_that_does_not_converge_says_so_and_predicts_nothing() throws Exception {
        StringBuilder csv = new StringBuilder("N_params,D_tokens,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double m : new double[] {20, 320}) {
                csv.append(n).append(',').append(m * n).append(',').append(2 + 1e-3 * Math.pow(n, 0.3) + 1e-3 * Math.pow(m * n, 0.3)).append('\n');
            }
        }
        Path rising = Files.writeString(dir.resolve("rising.csv"), csv);
        Path pred = Files.writeString(dir.resolve("pred.csv"), "N_params,D_tokens\n7e9,1.4e11\n");
        CliRun run = CliRun.of("fit", "overtrain", "--data", rising.toString(), "--predict", pred.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("did not converge").contains("rising.csv").contains("no prediction made");
    }

    /** The dev corpora of Gadre et al.: fitted on the 32 runs under 1B, predicting the 1.4B and 6.9B runs. */
    @Test
    void dev_corpora_mape_stays_within_the_goal() {
        for (String corpus : new String[] {"redpajama", "refinedweb"}) {
            Optional<Path> train = CliRun.shared("data/scaling_overtraining_gadre2024/" + corpus + "_c4eval_train.csv");
            Optional<Path> test = CliRun.shared("data/scaling_overtraining_gadre2024/" + corpus + "_c4eval_test.csv");
            assumeTrue(train.isPresent() && test.isPresent(), "../shared not present: skipping the over-training check on " + corpus);
            CliRun run = CliRun.of("fit", "overtrain", "--data", train.get().toString(), "--predict", test.get().toString(),
                    "--bootstrap", "50", "--json");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode j = run.json();
            assertThat(j.get("predictions")).hasSize(3);
            assertThat(j.get("mape").asDouble()).as(corpus).isLessThanOrEqualTo(1.5);
            assertThat(j.get("comparison").get("chinchilla").get("mape").asDouble()).as(corpus)
                    .isGreaterThan(j.get("mape").asDouble());
        }
    }
}
