package dev.ponder.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final List<Tier> TIERS = List.of(Tier.single("cheap"), Tier.parse("vote@8:cheap"), Tier.single("strong"));

    /** A predictor that thinks long questions are hard for the cheap tiers. */
    static final Predictor FIXED = new Predictor() {
        @Override
        public List<Tier> tiers() {
            return TIERS;
        }

        @Override
        public List<TierEstimate> predict(String query) {
            double hard = query.length() > 20 ? 1 : 0;
            return List.of(new TierEstimate(0.9 - 0.6 * hard, 1), new TierEstimate(0.93 - 0.4 * hard, 8), new TierEstimate(0.97, 30));
        }
    };

    @Test
    void lambda_zero_buys_the_best_tier_and_a_large_lambda_the_cheapest() {
        Router r = Router.of(FIXED, SpendCalibration.of(List.of()));
        assertThat(r.choose("short", new Knob.Lambda(0)).tier()).isEqualTo(Tier.single("strong"));
        assertThat(r.choose("short", new Knob.Lambda(1)).tier()).isEqualTo(Tier.single("cheap"));
    }

    @Test
    void hard_queries_escalate_at_a_moderate_lambda() {
        Router r = Router.of(FIXED, SpendCalibration.of(List.of()));
        assertThat(r.choose("short", new Knob.Lambda(0.01)).tier()).isEqualTo(Tier.single("cheap"));
        assertThat(r.choose("a long and difficult question", new Knob.Lambda(0.01)).tier()).isEqualTo(Tier.single("strong"));
    }

    @Test
    void ties_go_to_the_cheaper_tier() {
        List<TierEstimate> e = List.of(new TierEstimate(0.5, 3), new TierEstimate(0.5, 1));
        assertThat(Router.pick(e, 0)).isEqualTo(1);
    }
}
