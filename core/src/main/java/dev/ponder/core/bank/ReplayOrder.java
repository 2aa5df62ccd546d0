package dev.ponder.core.bank;

import java.util.SplittableRandom;

/**
 * The order a seeded replay serves a problem's recorded samples in: a Fisher-Yates shuffle seeded by the seed and the
 * problem id, so it does not depend on which problems are asked or in what order. Calibration replays the same orders,
 * so its per-setting figures are those {@code bench strategies} measures with the same seeds.
 */
public final class ReplayOrder {
    private ReplayOrder() {}

    /** Indices 0..size-1 in the seed's order for this problem. */
    public static int[] permutation(long seed, String problemId, int size) {
        return shuffled(size, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + problemId.hashCode()));
    }

    /** A uniformly random permutation of 0..size-1 drawn from {@code rng} (Fisher-Yates). */
    public static int[] shuffled(int size, SplittableRandom rng) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) p[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
