package dev.ponder.lab.route;

import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A tiny outcome table: "easy" questions the cheap tier answers, "hard" ones only the strong tier does. */
final class Synthetic {
    private Synthetic() {}

    static OutcomeTable table(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean hard = rng.nextDouble() < 0.3;
            String text = (hard ? "hard proof question number " : "easy sum ") + i;
            double cheap = rng.nextDouble() < (hard ? 0.1 : 0.95) ? 1 : 0;
            double strong = rng.nextDouble() < 0.97 ? 1 : 0;
            rows.add(new OutcomeTable.Row("q" + i, text, new double[] {cheap, strong}, new double[] {0.001, 0.02}));
        }
        return new OutcomeTable(List.of(Tier.single("cheap"), Tier.single("strong")), rows);
    }

    /** A fake embedder: the two kinds of question point in different directions, plus seeded noise. */
    static Embeddings embeddings() {
        return Embeddings.of(text -> {
            SplittableRandom rng = new SplittableRandom(text.hashCode());
            float[] v = new float[8];
            v[text.startsWith("hard") ? 0 : 1] = 3;
            for (int j = 0; j < v.length; j++) v[j] += (float) rng.nextGaussian() * 0.3f;
            return v;
        });
    }
}
