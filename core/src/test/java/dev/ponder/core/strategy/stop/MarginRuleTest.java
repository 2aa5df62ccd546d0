package dev.ponder.core.strategy.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarginRuleTest {
    private static List<Sample> scored(Object... answerScore) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < answerScore.length; i += 2) {
            Double sc = (Double) answerScore[i + 1];
            out.add(new Sample(out.size(), "t", "", (String) answerScore[i], Usage.ZERO, Optional.ofNullable(sc), Optional.empty(), "sample"));
        }
        return out;
    }

    @Test
    void without_scores_it_is_the_count_margin() {
        StopRule r = StopRule.margin(2);
        assertThat(r.shouldStop(scored("x", null, "y", null, "x", null))).isFalse();
        assertThat(r.shouldStop(scored("x", null, "y", null, "x", null, "x", null))).isTrue();
    }

    @Test
    void scores_weigh_through_the_sigmoid_as_weighted_voting_does() {
        StopRule r = StopRule.margin(0.9);
        assertThat(r.shouldStop(scored("x", 3.0))).isTrue(); // sigmoid(3) = 0.953
        assertThat(r.shouldStop(scored("x", 1.2))).isFalse(); // sigmoid(1.2) = 0.769
        assertThat(r.shouldStop(scored("x", 0.95))).isTrue(); // a score in [0, 1] is already a probability
        assertThat(r.shouldStop(scored("x", 1.2, "y", -2.0, "x", 1.5))).isTrue(); // 0.769 + 0.818 - 0.119 = 1.468
        assertThat(r.shouldStop(scored("x", 1.2, "y", 2.0, "x", 1.5))).isFalse(); // 1.587 - 0.881 = 0.706
    }

    @Test
    void replaying_draws_as_the_strategy_does() {
        List<Sample> s = scored("x", null, "y", null, "x", null, "x", null, "x", null);
        assertThat(StopRule.margin(2).stopAt(s, 10)).isEqualTo(4);
        assertThat(StopRule.margin(2).stopAt(s, 3)).isEqualTo(3);
        assertThat(StopRule.esc(2).stopAt(s, 10)).isEqualTo(4);
        assertThat(StopRule.esc(2).stopAt(s, 3)).isEqualTo(3);
    }

    @Test
    void families_start_at_the_full_budget_and_grow_aggressive() {
        for (RuleFamily f : RuleFamily.standard(true)) {
            List<Double> s = f.settings(8);
            assertThat(f.full(s.getFirst(), 8)).as(f.name()).isTrue();
            assertThat(s.subList(1, s.size())).as(f.name()).noneMatch(v -> f.full(v, 8));
            List<Integer> stops = new ArrayList<>();
            List<Sample> mixed = scored("x", 0.9, "y", 0.2, "x", 0.7, "x", 0.6, "z", 0.1, "x", 0.9, "x", 0.8, "x", 0.95);
            for (double v : s) stops.add(f.full(v, 8) ? 8 : f.rule(v).stopAt(mixed, 8));
            if (f instanceof RuleFamily.Esc) continue; // windows are ordered by custom, not nested: a window of 4 may stop before one of 3
            for (int i = 1; i < stops.size(); i++) assertThat(stops.get(i)).as(f.name() + " " + s.get(i)).isLessThanOrEqualTo(stops.get(i - 1));
        }
        assertThat(new RuleFamily.Margin(false).settings(4)).containsExactly(4.0, 3.0, 2.0, 1.0);
        assertThat(new RuleFamily.Esc().spec(2, 40)).isEqualTo("esc@2");
        assertThat(new RuleFamily.Beta().spec(1, 40)).isEqualTo("full budget (40)");
        assertThat(new RuleFamily.Margin(true).spec(0.9, 8)).isEqualTo("margin@0.9");
    }

    @Test
    void rejects_a_margin_that_is_not_positive() {
        assertThatThrownBy(() -> StopRule.margin(0)).hasMessageContaining("margin must be > 0 and finite, was 0.0");
        assertThatThrownBy(() -> RuleFamily.named("typicality", false)).hasMessageContaining("unknown stopping rule \"typicality\"");
    }
}
