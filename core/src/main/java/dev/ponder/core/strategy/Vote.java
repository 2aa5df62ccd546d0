package dev.ponder.core.strategy;

import dev.ponder.core.answer.Grouping;
import dev.ponder.core.model.Sample;
import java.util.Optional;

/**
 * Self-consistency (Wang et al. 2022, "Self-Consistency Improves Chain of Thought Reasoning in Language Models"):
 * draw n samples, return the most frequent extracted answer; confidence is its share of the votes.
 * All n are asked for in one call (servers that honour {@code n} share the prompt's cost).
 */
record Vote(int n) implements DrawAll {
    Vote {
        if (n < 1) throw new IllegalArgumentException("vote@N needs N >= 1, was " + n);
    }

    @Override
    public String name() { return "vote@" + n; }

    @Override
    public Result decideOver(Session session) { return decide(session, name()); }

    /** Majority over everything the session drew; with a grouping, the reply its {@link Consensus} picks. */
    static Result decide(Session session, String name) {
        Tally t = Tally.of(session.drawn());
        Optional<String> top = t.top();
        if (top.isEmpty()) {
            Optional<Sample> any = session.drawn().stream().findFirst();
            return session.result(name, "", any, 0);
        }
        if (session.extractor() instanceof Grouping g) return Consensus.decide(session, name, t, g, top.get());
        return session.result(name, top.get(), t.sampleOf(top.get()), (double) t.count(top.get()) / t.votes());
    }
}
