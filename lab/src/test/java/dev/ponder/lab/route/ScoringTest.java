package dev.ponder.lab.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {
    @Test
    void a_router_that_knows_the_outcomes_matches_the_oracle_and_beats_random_mixing() {
        OutcomeTable t = Synthetic.table(300, 2);
        List<List<TierEstimate>> perfect = new ArrayList<>();
        for (OutcomeTable.Row r : t.rows()) perfect.add(List.of(new TierEstimate(r.scores()[0], 0.001), new TierEstimate(r.scores()[1], 0.02)));
        RouterReport rep = Scoring.score(t, perfect, "test", "perfect", 7, 50, List.of());
        assertThat(rep.strongest().model()).isEqualTo("strong");
        assertThat(rep.costShareAt().get("0.95")).isLessThan(rep.randomMixCostShareAt().get("0.95"));
        assertThat(rep.apgr()).isGreaterThan(0.8);
        assertThat(rep.points().getFirst().quality()).isGreaterThanOrEqualTo(rep.strongest().quality());
        double[] ci = rep.costShareInterval().get("0.95");
        assertThat(ci[0]).isLessThanOrEqualTo(ci[1]);
    }

    @Test
    void the_same_seed_gives_the_same_intervals() {
        OutcomeTable t = Synthetic.table(100, 3);
        List<List<TierEstimate>> flat = t.rows().stream().map(r -> List.of(new TierEstimate(0.7, 0.001), new TierEstimate(0.9, 0.02))).toList();
        RouterReport a = Scoring.score(t, flat, "test", "flat", 11, 30, List.of()), b = Scoring.score(t, flat, "test", "flat", 11, 30, List.of());
        assertThat(a.apgrInterval()).containsExactly(b.apgrInterval());
    }
}
