package dev.ponder.lab.cost;

import dev.ponder.core.json.BadField;
import java.util.Optional;

/**
 * What a query of a class is assumed to use when nothing was observed: input and output tokens per sample
 * (reasoning tokens count as output) and, for strategies that draw a variable number, the expected samples per
 * query. Every sample is billed its prompt, as when each sample is its own call.
 */
record Assumption(Double inputTokens, Double outputTokens, Optional<Double> samples) {
    public Assumption {
        if (inputTokens == null) throw new BadField("input_tokens", "input tokens per sample are needed, e.g. input_tokens: 800");
        if (outputTokens == null) throw new BadField("output_tokens", "output tokens per sample are needed, e.g. output_tokens: 400");
        if (!(inputTokens >= 0)) throw new BadField("input_tokens", "must be >= 0, was " + inputTokens);
        if (!(outputTokens >= 0)) throw new BadField("output_tokens", "must be >= 0, was " + outputTokens);
        samples = samples == null ? Optional.empty() : samples;
        samples.ifPresent(s -> {
            if (!(s > 0)) throw new BadField("samples", "must be > 0, was " + s);
        });
    }
}
