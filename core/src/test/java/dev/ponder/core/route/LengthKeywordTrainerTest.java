package dev.ponder.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LengthKeywordTrainerTest {

    /** Cheap tier fails on long code questions, strong tier succeeds; cost grows with length. */
    static OutcomeTable synthetic(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean hard = rng.nextBoolean();
            String text = hard ? "Write a python function that implements " + "a tricky string algorithm ".repeat(1 + rng.nextInt(5))
                    : "What is " + rng.nextInt(100) + "?";
            double cheap = rng.nextDouble() < (hard ? 0.2 : 0.9) ? 1 : 0;
            double strong = rng.nextDouble() < 0.95 ? 1 : 0;
            rows.add(new OutcomeTable.Row("q" + i, text, new double[] {cheap, strong}, new double[] {0.001 * text.length(), 0.02 * text.length()}));
        }
        return new OutcomeTable(List.of(Tier.single("cheap"), Tier.single("strong")), rows);
    }

    @Test
    void learns_that_long_code_questions_are_hard_for_the_cheap_tier() {
        Predictor p = Predictor.lengthKeyword().train(synthetic(300, 5));
        double easy = p.predict("What is 7?").getFirst().success();
        double hard = p.predict("Write a python function that implements a tricky string algorithm a tricky string algorithm").getFirst().success();
        assertThat(easy).isGreaterThan(0.75);
        assertThat(hard).isLessThan(0.4);
        assertThat(p.predict("What is 7?").get(1).cost()).isGreaterThan(p.predict("What is 7?").get(0).cost());
    }

    @Test
    void query_text_focuses_on_the_last_block_of_a_few_shot_prompt() {
        String prompt = "Example question one?\nAnswer: A\n\nExample question two?\nAnswer: B\n\n"
                + "Which gas do plants take in to make food, and why is it needed for photosynthesis?\nA) oxygen\nB) carbon dioxide\nAnswer:";
        assertThat(QueryText.focus(prompt)).startsWith("Which gas").doesNotContain("Example");
        assertThat(QueryText.focus("short\n\nq?")).isEqualTo("short\n\nq?");
    }
}
