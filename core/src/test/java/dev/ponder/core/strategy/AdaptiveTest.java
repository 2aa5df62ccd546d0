package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Defaults;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.stop.StopRule;
import dev.ponder.core.testing.TestCalibrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("adaptive@12"); }

    @Test
    void the_beta_rule_stops_once_the_leader_is_clear() {
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 1.", "The answer is 1.", "The answer is 2.").build();
        Result r = Strategy.adaptive(StopRule.beta(0.8), 10, "ac@0.8").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(2); // a=2, b=0: P = 1 - I_0.5(3, 1) = 0.875 >= 0.8
        assertThat(r.answer()).isEqualTo("1");
    }

    @Test
    void esc_draws_whole_windows_until_one_is_unanimous() {
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 2.", "The answer is 3.", "The answer is 3.", "The answer is 9.", "The answer is 9.").build();
        Result r = Strategy.adaptive(StopRule.esc(2), 10, "esc@2").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(4);
        assertThat(r.trace().calls()).hasSize(2).allSatisfy(c -> assertThat(c.samples()).isEqualTo(2));
        assertThat(r.answer()).isEqualTo("3");
    }

    private static Calibration calibration(String rule, double setting, int budget, String model) {
        return TestCalibrations.of(rule, setting, budget, model);
    }

    @Test
    void a_calibration_file_sets_the_rule_and_the_budget(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path f = dir.resolve("cal.json");
        CalibrationFile.write(f, calibration("margin", 2, 6, "m"));
        Strategy s = Strategy.parse("adaptive:" + f);
        assertThat(s.name()).isEqualTo("adaptive:" + f);
        assertThat(s.maxSamples()).isEqualTo(6);
        Backend b = Backend.scripted().texts("The answer is 1.", "The answer is 2.", "The answer is 1.", "The answer is 1.", "The answer is 2.").build();
        Result r = s.solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(4); // margin 2 first reached at 1,2,1,1
        assertThat(r.answer()).isEqualTo("1");
        Backend split = Backend.scripted().script(i -> "The answer is " + (i % 2) + ".").build();
        assertThat(s.solve(session(split, Budget.UNLIMITED, 0)).samples()).as("never settled: the full budget").hasSize(6);
    }

    @Test
    void a_calibration_for_another_model_is_refused_naming_both() {
        Strategy s = Strategy.adaptive(calibration("ac", 0.9, 8, "gpt-4o"), "cal.json");
        assertThatThrownBy(() -> s.solve(session(backend(), Budget.UNLIMITED, 0))).isInstanceOf(PonderException.class)
                .hasMessage("calibration cal.json was made for model gpt-4o with number answers, not for model m with number answers");
    }

    @Test
    void a_spec_with_a_file_is_read_as_a_calibration_and_only_adaptive_takes_one(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "not json");
        assertThatThrownBy(() -> Strategy.parse("adaptive:" + bad)).hasMessageStartingWith(bad + " is not a calibration file");
        assertThatThrownBy(() -> Strategy.parse("adaptive@8:" + bad)).hasMessageContaining("drop @8");
        assertThatThrownBy(() -> Strategy.parse("vote@8:" + bad)).hasMessageContaining("only adaptive takes a calibration file");
    }

    @Test
    void scored_samples_are_voted_by_weight(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bank.json"), "{\"name\": \"b\", \"model\": \"m\", \"answer_kind\": \"number\"}");
        Files.writeString(dir.resolve("problems.jsonl"), "{\"id\": \"p1\", \"question\": \"" + PROBLEM.question() + "\", \"reference\": \"41\"}\n");
        StringBuilder lines = new StringBuilder();
        double[] scores = {-3, -3, 3};
        String[] texts = {"The answer is 42.", "The answer is 42.", "The answer is 41."};
        for (int i = 0; i < 3; i++) {
            lines.append(String.format(Locale.ROOT, "{\"problem_id\": \"p1\", \"index\": %d, \"text\": \"%s\", \"answer\": \"%s\", \"correct\": %s, \"score\": %s}%n",
                    i, texts[i], texts[i].replaceAll("\\D", ""), i == 2, scores[i]));
        }
        Files.writeString(dir.resolve("samples.jsonl"), lines);
        Backend replay = Backend.replay(BankReader.read(dir), Optional.empty(), PriceCatalogue.shipped());
        Result r = Strategy.adaptive(calibration("margin", 0.9, 3, "m"), "cal.json").solve(session(replay, Budget.UNLIMITED, 0));
        assertThat(r.samples()).hasSize(3); // 0.953 - 2 x 0.047 = 0.858 < 0.9 until the budget
        assertThat(r.answer()).as("one high-scoring 41 outweighs two low-scoring 42s").isEqualTo("41");
    }

    @Test
    void without_a_calibration_it_uses_the_shipped_default_for_the_source() {
        // model "m" is no development bank's: the pooled calibration, at most 64 samples
        Strategy s = Strategy.parse("adaptive");
        assertThat(s.maxSamples()).isEqualTo(StrategyRegistry.DEFAULT_MAX);
        Backend agreeing = Backend.scripted().script(i -> "The answer is 42.").build();
        Result r = s.solve(session(agreeing, Budget.UNLIMITED, 0));
        Calibration pooled = Defaults.lookup("m", "number", Optional.empty()).calibration();
        List<Sample> same = Collections.nCopies(64, r.samples().getFirst());
        assertThat(r.samples()).hasSize(pooled.stopRule().stopAt(same, 64));
        assertThat(r.answer()).isEqualTo("42");
    }
}
