package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.List;
import java.util.Optional;

/** One sample, its answer taken as is. Wei et al. 2022 ("Chain-of-thought prompting") when the prompt asks for steps. */
record Single() implements Strategy {
    static final Single INSTANCE = new Single();

    @Override
    public String name() { return "single"; }

    @Override
    public int maxSamples() { return 1; }

    @Override
    public Result solve(Session session) {
        List<Sample> got = session.draw(1);
        if (got.isEmpty()) return session.result(name(), "", Optional.empty(), 0);
        Sample s = got.getFirst();
        return session.result(name(), s.answer(), Optional.of(s), s.hasAnswer() ? 1.0 : 0.0);
    }
}
