package dev.ponder.core.route;

import java.util.List;

/** Per-tier success probability and cost for a query text. Implementations are immutable and thread-safe. */
public interface Predictor {

    /** The tiers, in the order {@link #predict} answers. */
    List<Tier> tiers();

    /** One estimate per tier, in {@link #tiers()} order. */
    List<TierEstimate> predict(String query);

    /** Learns a predictor from an outcome table. */
    interface Trainer {
        String name();

        Predictor train(OutcomeTable table);
    }

    /** The length-and-keyword baseline: a small logistic model per tier on text-shape features. */
    static Trainer lengthKeyword() {
        return new LengthKeywordTrainer();
    }
}
