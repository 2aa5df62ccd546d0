package dev.ponder.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.bank.ReplayOrder;
import dev.ponder.stats.risk.HoeffdingBentkus;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibratorTest {
    private final Calibrator calibrator = new Calibrator(4, 1);

    @Test
    void unanimous_questions_certify_the_most_aggressive_setting_given_enough_of_them() {
        Losses l = calibrator.measure(Synthetic.questions(800, 10, 1.0, true, 3), Risk.DISAGREEMENT, 10);
        Calibration c = calibrator.certify(l, l.all(), 0.01, 0.1, Synthetic.provenance());
        assertThat(c.early()).isTrue();
        assertThat(c.meanSamples()).isEqualTo(1.0);
        assertThat(c.observedRisk()).isZero();
        assertThat(c.certifiedBound()).isGreaterThan(0).isLessThanOrEqualTo(0.01);
        assertThat(c.saving()).isCloseTo(0.9, within(1e-12));
        assertThat(c.selection()).isEqualTo("ltt");
    }

    @Test
    void too_few_questions_keep_the_full_budget_and_say_how_many_are_needed() {
        Losses l = calibrator.measure(Synthetic.questions(30, 10, 1.0, true, 3), Risk.DISAGREEMENT, 10);
        Calibration c = calibrator.certify(l, l.all(), 0.005, 0.1, Synthetic.provenance());
        assertThat(c.early()).isFalse();
        assertThat(c.meanSamples()).isEqualTo(10.0);
        assertThat(c.questionsNeeded()).hasValue(679); // ln(0.1 / 3) / ln(1 - 0.005), 3 families
        assertThat(c.notes()).singleElement().asString().contains("too few questions").contains("about 679 would be needed").contains("30 were given");
        assertThat(c.curve()).filteredOn(Calibration.Point::certified).allMatch(p -> p.spec().startsWith("full budget"));
    }

    @Test
    void the_certified_setting_keeps_its_risk_on_new_questions_in_all_but_delta_of_calibrations() {
        // a large pool stands in for the source; each calibration sees 150 of its questions
        Losses pool = calibrator.measure(Synthetic.questions(3000, 10, 0.35, true, 9), Risk.DISAGREEMENT, 10);
        SplittableRandom rng = new SplittableRandom(4);
        double eps = 0.05;
        int exceeded = 0;
        int early = 0;
        int runs = 200;
        for (int r = 0; r < runs; r++) {
            int[] idx = Arrays.copyOf(ReplayOrder.shuffled(pool.questions(), rng.split()), 150);
            int s = Certify.choose(pool, idx, eps, 0.1).setting();
            if (!pool.settings().get(s).full()) early++;
            if (pool.risk(s, pool.all()) > eps) exceeded++;
        }
        assertThat(early).as("calibrations that stopped early").isGreaterThan(runs / 2);
        assertThat(exceeded).as("calibrations whose setting exceeds epsilon on the pool").isLessThanOrEqualTo(runs / 10);
    }

    @Test
    void accuracy_lost_counts_only_right_answers_turned_wrong() {
        Losses dis = calibrator.measure(Synthetic.questions(200, 10, 0.4, true, 5), Risk.DISAGREEMENT, 10);
        Losses acc = calibrator.measure(Synthetic.questions(200, 10, 0.4, true, 5), Risk.ACCURACY, 10);
        for (int i = 0; i < dis.settings().size(); i++) {
            assertThat(acc.risk(i, acc.all())).isLessThanOrEqualTo(dis.risk(i, dis.all()) + 1e-12);
            double net = acc.fullAccuracy(acc.all()) - acc.accuracy(i, acc.all());
            assertThat(acc.risk(i, acc.all())).isGreaterThanOrEqualTo(net - 1e-12);
        }
    }

    @Test
    void accuracy_needs_labels_and_says_so() {
        List<Question> unlabelled = Synthetic.questions(5, 4, 0.5, false, 1);
        assertThatThrownBy(() -> calibrator.measure(unlabelled, Risk.ACCURACY, 4))
                .hasMessageContaining("risk accuracy needs every sample's recorded label").hasMessageContaining("5 of 5 questions");
        assertThatThrownBy(() -> new Calibrator(0, 1)).hasMessageContaining("orders must be >= 1, was 0");
    }

    @Test
    void the_cross_fit_choice_holds_back_as_the_folds_left_out_say_with_a_simultaneous_bound() {
        Losses l = calibrator.measure(Synthetic.questions(300, 10, 0.5, true, 7), Risk.ACCURACY, 10);
        Calibration c = CrossFitChoice.calibration(l, 0.02, 0.1, 5, 2, Synthetic.provenance(), 4, 1);
        double target = CrossFitChoice.target(l, l.all(), 0.02, 5, 2, 1);
        assertThat(target).isGreaterThan(0).isLessThanOrEqualTo(0.02);
        assertThat(c.observedRisk()).isLessThanOrEqualTo(target + 1e-12);
        assertThat(c.curve()).filteredOn(p -> p.risk() <= target + 1e-12).allMatch(p -> p.meanSamples() >= c.meanSamples() - 1e-12);
        assertThat(HeldOut.evaluate(l, HeldOut.folds(300, 5, 2, 1), Selector.tolerance(target), 0.02).risk()).isLessThanOrEqualTo(0.02);
        assertThat(c.crossFitted()).hasValueSatisfying(x -> {
            assertThat(x.folds()).isEqualTo(5);
            assertThat(x.accuracy()).isPresent();
        });
        int early = (int) l.settings().stream().filter(s -> !s.full()).count();
        assertThat(c.certifiedBound()).isCloseTo(HoeffdingBentkus.upperBound(c.observedRisk(), 300, 0.1 / early), within(1e-12));
    }

    @Test
    void folds_cover_every_question_once_per_repeat_and_halves_split_in_two() {
        List<HeldOut.Pair> folds = HeldOut.folds(23, 5, 2, 0);
        assertThat(folds).hasSize(10);
        int[] seen = new int[23];
        for (HeldOut.Pair p : folds) {
            for (int q : p.test()) seen[q]++;
            assertThat(p.train().length + p.test().length).isEqualTo(23);
            assertThat(Arrays.stream(p.train()).noneMatch(q -> Arrays.stream(p.test()).anyMatch(t -> t == q))).isTrue();
        }
        assertThat(seen).containsOnly(2);
        assertThat(HeldOut.halves(23, 3, 0)).allSatisfy(p -> {
            assertThat(p.train()).hasSize(11);
            assertThat(p.test()).hasSize(12);
        });
        assertThatThrownBy(() -> HeldOut.folds(3, 5, 1, 0)).hasMessageContaining("folds must be in [2, 3]");
    }
}
