package dev.ponder.lab.export;

import dev.ponder.core.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * One problem's samples drawn by one configuration, with the answer the configuration settled on (empty when it
 * gave none). {@code kind} names the answer kind (a bank's answer kind and domain, a stored source's domain): it
 * picks the checker when none is named.
 */
record Group(Origin origin, String kind, Problem problem, List<Draw> draws, Optional<String> finalAnswer) {
    public Group {
        draws = List.copyOf(draws);
    }

    /** The problem across configurations: source and id. */
    String problemKey() { return origin.source() + "\u0000" + problem.id(); }

    /** How many draws gave the final answer. */
    long agreeing() { return finalAnswer.map(a -> draws.stream().filter(d -> d.answer().equals(a)).count()).orElse(0L); }

    /** The share of answered draws whose answer is the final answer; 0 when there is no final answer or no answered draw. */
    double agreement() {
        if (finalAnswer.isEmpty()) return 0;
        long answered = draws.stream().filter(d -> !d.answer().isBlank()).count();
        return answered == 0 ? 0 : (double) agreeing() / answered;
    }
}
