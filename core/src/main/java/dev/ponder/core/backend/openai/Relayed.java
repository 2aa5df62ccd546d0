package dev.ponder.core.backend.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.model.Usage;
import java.util.List;

/**
 * A relayed chat completion: the upstream's response object as it wrote it, and its choices accounted as
 * generations (tokens, dollars, latency; estimated when the server reported no usage), after {@code attempts} tries.
 */
public record Relayed(ObjectNode response, List<Generation> generations, int attempts) {
    public Relayed {
        generations = List.copyOf(generations);
    }

    /** The whole call's usage: the sum over its choices. */
    public Usage usage() {
        Usage u = Usage.ZERO;
        for (Generation g : generations) u = u.plus(g.usage());
        return u;
    }
}
