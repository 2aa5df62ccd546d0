package dev.ponder.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Calibrator;
import dev.ponder.core.calibrate.Losses;
import dev.ponder.core.calibrate.Questions;
import dev.ponder.core.calibrate.Risk;
import dev.ponder.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossFitBenchTest {
    private final Bank math = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));

    @Test
    void calibration_replays_exactly_what_the_bench_measures_with_the_same_orders(@TempDir Path dir) {
        // the calibrator's in-sample figures for a setting are the bench's row for adaptive with that setting
        Calibrator calibrator = new Calibrator(3, 5);
        Losses l = calibrator.measure(Questions.of(math), Risk.DISAGREEMENT, 8);
        Calibration c = calibrator.certify(l, l.all(), 0.3, 0.1, Questions.provenance(math));
        assertThat(c.early()).as("at epsilon 0.3 something early is certified").isTrue();
        Path f = dir.resolve("cal.json");
        CalibrationFile.write(f, c);
        BankBench b = new StrategyBench(3, 5, 0.005, 0.75, 100).run(math, List.of("vote@8", "adaptive:" + f));
        BenchRow row = b.rows().get(1);
        assertThat(row.samplesPerProblem()).isCloseTo(c.meanSamples(), within(1e-9));
        int chosen = l.settings().stream().map(Losses.Setting::spec).toList().indexOf(c.spec());
        assertThat(row.accuracy()).isCloseTo(l.accuracy(chosen, l.all()), within(1e-9));
        assertThat(b.rows().getFirst().accuracy()).isCloseTo(l.fullAccuracy(l.all()), within(0.02)); // vote@8 is unweighted, the full answer weighted
    }

    @Test
    void cross_fitting_leaves_each_fold_out_once_and_keeps_the_full_budget_where_nothing_is_certified() {
        CrossFitBench.Table t = new CrossFitBench(5, 1, 3, 0, 0.1, List.of(0.005, 0.2), 0.005).run(math, Risk.DISAGREEMENT);
        assertThat(t.problems()).isEqualTo(59);
        assertThat(t.rows()).extracting(CrossFitBench.Row::method).containsExactly("learn-then-test", "learn-then-test", "default selection");
        CrossFitBench.Row strict = t.rows().getFirst();
        assertThat(strict.evaluated()).isEqualTo(5);
        assertThat(strict.samples()).as("47 questions cannot certify 0.005").isEqualTo(t.fullSamples());
        assertThat(strict.accuracy()).isEqualTo(t.fullAccuracy());
        assertThat(strict.exceeded()).isZero();
        CrossFitBench.Row loose = t.rows().get(1);
        assertThat(loose.samples()).isLessThan(t.fullSamples());
        assertThat(t.rows().get(2).risk()).isEqualTo("accuracy");
    }
}
