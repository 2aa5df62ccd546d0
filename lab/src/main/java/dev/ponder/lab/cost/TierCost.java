package dev.ponder.lab.cost;

import dev.ponder.core.backend.Price;
import java.util.Optional;

/**
 * One tier's part in a class: the share of the class's queries it answers, tokens per query, what a query costs
 * at the catalogue's price, where the tokens came from, and the tier's observed latency when there is one.
 */
public record TierCost(TierSpec tier, double share, Price price, double inputTokens, double outputTokens, Basis basis,
                       Optional<Latency> latency) {
    public double dollarsPerQuery() { return dollars(price, inputTokens, outputTokens); }

    /** Dollars for token counts that may be means (not whole numbers), at dollars per million tokens. */
    static double dollars(Price p, double in, double out) {
        return (in * p.inputPerMillion() + out * p.outputPerMillion()) / 1e6;
    }
}
