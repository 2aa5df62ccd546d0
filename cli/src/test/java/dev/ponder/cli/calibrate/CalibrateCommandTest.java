package dev.ponder.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.testing.TestCalibrations;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final String MATH = SharedData.shippedBank("math-qwen25-rm8").toString();

    @Test
    void calibrates_a_bank_prints_the_curve_and_writes_a_file_adaptive_runs(@TempDir Path dir) throws Exception {
        Path cal = dir.resolve("cal.json");
        Cli c = Cli.run("calibrate", "--bank", MATH, "--epsilon", "0.3", "--orders", "3", "--out", cal.toString(), "--report", dir.resolve("r").toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("calibration for Qwen2.5-Math-7B-Instruct (boxed answers)").contains("<- chosen").contains("guarantee: disagreement")
                .contains("in-sample");
        Calibration written = CalibrationFile.read(cal);
        assertThat(written.early()).isTrue();
        assertThat(written.certifiedBound()).isLessThanOrEqualTo(0.3);
        assertThat(Files.readString(dir.resolve("r/index.html"))).contains("calibration-curve").contains(written.spec());
        Cli run = Cli.run("run", "--bank", MATH, "--strategy", "adaptive:" + cal, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode row = new ObjectMapper().readTree(run.out()).at("/runs/0/rows/0");
        assertThat(row.path("strategy").asText()).isEqualTo("adaptive:" + cal);
        assertThat(row.path("samples_per_problem").asDouble()).isLessThan(8);
    }

    @Test
    void too_little_data_warns_with_the_questions_needed_keeps_the_full_budget_and_exits_0() {
        Cli c = Cli.run("calibrate", "--bank", MATH, "--orders", "2", "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.err()).contains("ponder: warning: too few questions to certify disagreement <= 0.005 at delta 0.1: about")
                .contains("59 were given; the full budget is kept");
        assertThat(c.out()).contains("\"spec\" : \"full budget (8)\"").contains("\"questions_needed\"");
    }

    @Test
    void the_split_test_counts_splits_whose_held_out_risk_exceeds_epsilon() throws Exception {
        Cli c = Cli.run("calibrate", "--bank", MATH, "--epsilon", "0.2", "--delta", "0.1", "--splits", "10", "--seed", "3", "--orders", "2", "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(c.out());
        assertThat(d.path("splits").asInt()).isEqualTo(10);
        assertThat(d.path("exceeded").asInt()).isBetween(0, 10);
        assertThat(d.path("epsilon").asDouble()).isEqualTo(0.2);
        assertThat(d.path("delta").asDouble()).isEqualTo(0.1);
        assertThat(d.path("max_samples").asInt()).isEqualTo(8);
        assertThat(d.path("mean_samples").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(8);
        assertThat(Cli.run("calibrate", "--bank", MATH, "--epsilon", "0.2", "--splits", "10", "--seed", "3", "--orders", "2", "--json").out())
                .as("seeded").isEqualTo(c.out());
    }

    @Test
    void bad_input_is_one_line_and_exit_2(@TempDir Path dir) throws Exception {
        Cli eps = Cli.run("calibrate", "--bank", MATH, "--epsilon", "1.5");
        assertThat(eps.exit()).isEqualTo(2);
        assertThat(eps.err().strip()).isEqualTo("ponder: --epsilon must be in (0, 1), was 1.5");
        assertThat(Cli.run("calibrate", "--bank", MATH, "--risk", "loss").err()).contains("--risk: risk must be disagreement or accuracy, was \"loss\"");
        assertThat(Cli.run("calibrate").err()).contains("give the samples with --bank DIR or with --store FILE --run ID");
        // sizes that set the work are bounded, so a typo cannot run for hours
        assertThat(Cli.run("calibrate", "--bank", MATH, "--orders", "2147483647").err().strip()).isEqualTo("ponder: --orders must be in [1, 10000], was 2147483647");
        assertThat(Cli.run("calibrate", "--bank", MATH, "--splits", "2147483647").err().strip()).isEqualTo("ponder: --splits must be in [1, 10000], was 2147483647");
        assertThat(Cli.run("calibrate", "--bank", MATH, "--select", "cross-fit", "--repeats", "0").err().strip())
                .isEqualTo("ponder: --repeats must be in [1, 1000], was 0");
        // an option the mode would ignore is refused, not ignored
        assertThat(Cli.run("calibrate", "--bank", MATH, "--config", "c").err().strip()).isEqualTo("ponder: --config picks from a stored run: give the store with --store FILE");
        assertThat(Cli.run("calibrate", "--bank", MATH, "--splits", "4", "--out", dir.resolve("c.json").toString()).err().strip())
                .isEqualTo("ponder: --out does not apply to the split test (--splits), which calibrates each half with Learn then Test and writes no file");
        assertThat(Cli.run("calibrate", "--bank", MATH, "--folds", "3").err().strip()).isEqualTo("ponder: --folds applies to --select cross-fit only");
        Cli folder = Cli.run("calibrate", "--bank", MATH, "--out", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err().strip()).isEqualTo("ponder: --out " + dir + " is a folder: give the calibration a file name, e.g. " + dir.resolve("cal.json"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rule\": 3");
        Cli corrupt = Cli.run("run", "--bank", MATH, "--strategy", "adaptive:" + bad);
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err().lines()).singleElement().asString().startsWith("ponder: ").contains(bad + " is not a calibration file");
        Path other = dir.resolve("other.json");
        CalibrationFile.write(other, TestCalibrations.of("ac", 0.9, 8, "gpt-4o"));
        Cli refused = Cli.run("run", "--bank", MATH, "--strategy", "adaptive:" + other);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("was made for model gpt-4o with number answers, not for model Qwen2.5-Math-7B-Instruct with boxed answers");
    }
}
