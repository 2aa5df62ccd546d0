package dev.ponder.core.backend.openai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.Price;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountingTest {
    @Test
    void apportion_sums_exactly_and_follows_the_weights() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 500; trial++) {
            int k = 1 + rng.nextInt(8);
            double[] w = new double[k];
            for (int i = 0; i < k; i++) w[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble() * 100;
            long total = rng.nextLong(100_000);
            long[] out = Accounting.apportion(total, w);
            assertThat(Arrays.stream(out).sum()).isEqualTo(total);
            double sum = Arrays.stream(w).sum();
            for (int i = 0; i < k; i++) {
                double exact = sum > 0 ? total * w[i] / sum : (double) total / k;
                assertThat((double) out[i]).isCloseTo(exact, within(1.0));
            }
        }
    }

    @Test
    void reasoning_tokens_are_output_tokens_and_priced_as_output() {
        RawResult r = new RawResult(List.of(new RawResult.Choice("4", "think think", "stop")),
                Optional.of(new RawResult.Tokens(10, 100, 90)));
        Generation g = Accounting.generations(r, new Price(1, 10), Duration.ofSeconds(2), 40).getFirst();

        assertThat(g.usage().outputTokens()).isEqualTo(100);
        assertThat(g.usage().reasoningTokens()).isEqualTo(90);
        assertThat(g.usage().dollars()).isCloseTo((10 * 1 + 100 * 10) / 1e6, within(1e-15));
        assertThat(g.usage().latency()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void hidden_reasoning_is_split_in_proportion_to_output() {
        // OpenAI reasoning models report reasoning tokens but return no reasoning text
        RawResult r = new RawResult(List.of(new RawResult.Choice("aaaa", "", "stop"), new RawResult.Choice("aaaaaaaaaaaa", "", "stop")),
                Optional.of(new RawResult.Tokens(10, 400, 200)));
        List<Generation> g = Accounting.generations(r, Price.FREE, Duration.ZERO, 40);
        assertThat(g).extracting(x -> x.usage().outputTokens()).containsExactly(100L, 300L);
        assertThat(g).extracting(x -> x.usage().reasoningTokens()).containsExactly(50L, 150L);
        assertThat(g).extracting(x -> x.usage().inputTokens()).containsExactly(5L, 5L);
    }

    @Test
    void missing_usage_is_estimated_not_zero() {
        RawResult r = new RawResult(List.of(new RawResult.Choice("12345678", "1234", "stop")), Optional.empty());
        Generation g = Accounting.generations(r, Price.FREE, Duration.ZERO, 17).getFirst();
        assertThat(g.usage().inputTokens()).isEqualTo(5);
        assertThat(g.usage().outputTokens()).isEqualTo(3);
        assertThat(g.usage().reasoningTokens()).isEqualTo(1);
    }
}
