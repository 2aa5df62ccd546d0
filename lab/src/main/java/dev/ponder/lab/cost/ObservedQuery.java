package dev.ponder.lab.cost;

import java.util.OptionalDouble;

/**
 * One query as a run or the proxy saw it: the tier that answered it ({@code strategy:model}), the tokens it used
 * (all samples together; reasoning counts as output) and, when the source measured it, how long it took.
 */
record ObservedQuery(String tier, double inputTokens, double outputTokens, OptionalDouble latencyMs, String source) {
    public ObservedQuery {
        if (!(inputTokens >= 0) || !(outputTokens >= 0)) {
            throw new IllegalArgumentException("token counts must be >= 0, were input=" + inputTokens + " output=" + outputTokens);
        }
    }
}
