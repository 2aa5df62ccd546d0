package dev.ponder.server.chat;

import dev.ponder.server.catalog.PriceCheck;
import dev.ponder.server.check.Checkers;

/**
 * What the pipeline checks before a request spends and does after it is answered: the most samples a strategy run
 * may draw ({@code server.max_samples}), the price catalogue's coverage ({@code require_prices}), the checkers
 * strategies consult, and what the proxy learns from its traffic ({@link LiveTuning}: confidence floors, live calibration).
 */
public record ChatOptions(int maxSamples, PriceCheck prices, Checkers checkers, LiveTuning tuning) {
    public ChatOptions {
        if (maxSamples < 1) throw new IllegalArgumentException("max samples must be >= 1, was " + maxSamples);
    }

    /** The proxy's defaults with nothing configured: 64 samples a run, unpriced models allowed silently, no checkers, nothing after. */
    public static ChatOptions defaults() {
        return new ChatOptions(64, new PriceCheck(m -> true, false, w -> { }), Checkers.none(), LiveTuning.NONE);
    }
}
