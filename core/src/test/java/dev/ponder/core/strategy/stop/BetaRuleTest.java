package dev.ponder.core.strategy.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BetaRuleTest {
    private static List<Sample> votes(String... answers) {
        List<Sample> out = new ArrayList<>();
        for (String a : answers) out.add(new Sample(out.size(), "t", "", a, Usage.ZERO, Optional.empty(), Optional.empty(), "sample"));
        return out;
    }

    /** 1 - I_{1/2}(a+1, b+1) in closed form for small counts: P(Bin(a+b+1, 1/2) <= a) = sum_{j=0}^{a} C(a+b+1, j) / 2^(a+b+1). */
    private static double closedForm(int a, int b) {
        int n = a + b + 1;
        double s = 0;
        for (int j = 0; j <= a; j++) s += binom(n, j);
        return s / Math.pow(2, n);
    }

    private static double binom(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    @Test
    void leader_probability_matches_the_closed_form() {
        for (int a = 1; a <= 12; a++) {
            for (int b = 0; b < a; b++) {
                List<String> ans = new ArrayList<>();
                for (int i = 0; i < a; i++) ans.add("x");
                for (int i = 0; i < b; i++) ans.add("y");
                double p = Tally.of(votes(ans.toArray(String[]::new))).leaderProbability();
                assertThat(p).as("a=%d b=%d", a, b).isCloseTo(closedForm(a, b), Offset.offset(1e-12));
            }
        }
    }

    @Test
    void stops_at_the_threshold() {
        StopRule r = StopRule.beta(0.95);
        assertThat(r.shouldStop(votes("x", "x", "x"))).isFalse(); // a=3: 1 - 1/16 = 0.9375
        assertThat(r.shouldStop(votes("x", "x", "x", "x"))).isTrue(); // a=4: 1 - 1/32 = 0.96875
        assertThat(r.shouldStop(votes("x", "x", "x", "x", "y"))).isFalse(); // a=4, b=1: 1 - 7/64 = 0.890625
    }

    @Test
    void a_threshold_of_one_never_stops_early() {
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 60; i++) same.add("x");
        assertThat(StopRule.beta(1.0).shouldStop(votes(same.toArray(String[]::new)))).isFalse();
    }

    @Test
    void rejects_a_threshold_outside_the_interval() {
        assertThatThrownBy(() -> StopRule.beta(1.01)).hasMessageContaining("1.01");
        assertThatThrownBy(() -> StopRule.beta(0.5)).hasMessageContaining("0.5");
        assertThatThrownBy(() -> StopRule.esc(0)).hasMessageContaining("0");
    }
}
