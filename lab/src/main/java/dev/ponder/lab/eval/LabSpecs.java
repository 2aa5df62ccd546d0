package dev.ponder.lab.eval;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strategy specs as the lab writes them: the registry's forms, plus {@code vote@N-max} (N = the source's samples per
 * problem) and, where a whole problem set is solved at once, the batch form {@code optimal@S}. An unknown spec is
 * refused with every form that would have been read.
 */
public final class LabSpecs {
    private LabSpecs() {}

    /** {@code spec} with {@code N-max} replaced by the source's samples per problem. */
    public static String resolve(String spec, int maxSamples) {
        return spec.strip().replace("N-max", String.valueOf(Math.max(1, maxSamples)));
    }

    public static boolean isBatch(String spec) { return StrategySpec.isBatch(spec); }

    /** A per-problem strategy. */
    public static Strategy parse(String spec, int maxSamples, boolean batchAllowed) {
        return parse(spec, maxSamples, batchAllowed, Optional.empty());
    }

    /**
     * A per-problem strategy for a source: a bank's name tells {@code adaptive} which shipped calibration fits where two
     * banks share a model and answer kind.
     */
    public static Strategy parse(String spec, int maxSamples, boolean batchAllowed, Optional<String> dataset) {
        if (isBatch(spec) && !batchAllowed) {
            throw PonderException.invalid("strategy \"%s\" spends one budget across a batch, which plans do not run; known here: %s",
                    spec, String.join(", ", forms(false)));
        }
        try {
            return StrategyRegistry.forDataset(dataset).parse(resolve(spec, maxSamples));
        } catch (PonderException e) {
            if (!e.getMessage().startsWith("unknown strategy")) throw e;
            throw PonderException.invalid("unknown strategy \"%s\"; known: %s", spec.strip(), String.join(", ", forms(batchAllowed)));
        }
    }

    /** Checks a spec (per-problem or batch) without running it. */
    public static void check(String spec, int maxSamples, boolean batchAllowed) {
        if (isBatch(spec) && batchAllowed) BatchStrategy.parse(spec, maxSamples);
        else parse(spec, maxSamples, batchAllowed);
    }

    /** Every form the lab reads. */
    public static List<String> forms(boolean batchAllowed) {
        List<String> out = new ArrayList<>(StrategyRegistry.standard().forms());
        out.add(2, "vote@N-max");
        if (batchAllowed) out.add("optimal@S");
        return out;
    }
}
