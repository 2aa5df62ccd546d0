package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;
import java.util.List;

/**
 * What one backend call returned: its generations, and the tries it took (1 + its retries, those of parallel
 * one-choice requests included; a pool of upstreams counts every upstream's). A failed call carries its tries in
 * {@link dev.ponder.core.error.PonderException#attempts()}.
 */
public record Generated(List<Generation> generations, int attempts) {
    public Generated {
        generations = List.copyOf(generations);
        if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
    }

    /** Generations from a call that needed one try (a replay, a script). */
    public static Generated once(List<Generation> generations) { return new Generated(generations, 1); }

    /** What the call used: the sum over its generations. */
    public Usage usage() {
        Usage u = Usage.ZERO;
        for (Generation g : generations) u = u.plus(g.usage());
        return u;
    }

    /** The same call with other generations (the same ones priced, say). */
    public Generated with(List<Generation> others) { return new Generated(others, attempts); }
}
