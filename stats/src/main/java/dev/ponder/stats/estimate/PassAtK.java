package dev.ponder.stats.estimate;

/**
 * Unbiased estimators from n samples of which c are correct.
 * <ul>
 *   <li>pass@k, the chance that at least one of k samples drawn without replacement is correct:
 *       1 - C(n-c,k)/C(n,k), computed as 1 - prod_{i=n-c+1..n} (1 - k/i) (Chen et al. 2021, "Evaluating Large
 *       Language Models Trained on Code", human-eval's {@code estimate_pass_at_k}).</li>
 *   <li>pass^k, the chance that all k samples are correct (reliability): C(c,k)/C(n,k) = prod_{i=0..k-1} (c-i)/(n-i)
 *       (Yao et al. 2024, tau-bench).</li>
 * </ul>
 */
public final class PassAtK {
    private PassAtK() {}

    /** Unbiased pass@k for one problem. */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) return 1.0;
        double prod = 1.0;
        for (int i = n - c + 1; i <= n; i++) prod *= 1.0 - (double) k / i;
        return 1.0 - prod;
    }

    /** Unbiased pass^k (all k succeed) for one problem. */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        if (c < k) return 0.0;
        double prod = 1.0;
        for (int i = 0; i < k; i++) prod *= (double) (c - i) / (n - i);
        return prod;
    }

    /** Mean pass@k over problems, given each problem's sample count and correct count. */
    public static double meanPassAtK(int[] n, int[] c, int k) {
        sameLength(n, c);
        double sum = 0;
        for (int i = 0; i < n.length; i++) sum += passAtK(n[i], c[i], k);
        return sum / n.length;
    }

    /** Mean pass^k over problems. */
    public static double meanPassHatK(int[] n, int[] c, int k) {
        sameLength(n, c);
        double sum = 0;
        for (int i = 0; i < n.length; i++) sum += passHatK(n[i], c[i], k);
        return sum / n.length;
    }

    /** Per-problem pass@k values (for a bootstrap over problems). */
    public static double[] perProblemPassAtK(int[] n, int[] c, int k) {
        sameLength(n, c);
        double[] out = new double[n.length];
        for (int i = 0; i < n.length; i++) out[i] = passAtK(n[i], c[i], k);
        return out;
    }

    private static void check(int n, int c, int k) {
        if (n < 1) throw new IllegalArgumentException("n (samples) must be >= 1, was " + n);
        if (c < 0 || c > n) throw new IllegalArgumentException("c (correct) must be in [0, n=" + n + "], was " + c);
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in [1, n=" + n + "], was " + k);
    }

    private static void sameLength(int[] n, int[] c) {
        if (n.length != c.length) throw new IllegalArgumentException("n has " + n.length + " problems but c has " + c.length);
        if (n.length == 0) throw new IllegalArgumentException("no problems");
    }
}
