package dev.ponder.core.strategy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.ModelFamily;
import java.util.Optional;

/**
 * {@code think@T}: one chain of thought held to about T thinking tokens by budget forcing (Muennighoff et al. 2025,
 * "s1: Simple test-time scaling"): end the thinking at T with the end-of-thinking delimiter and ask for the answer;
 * extend a chain that stops early by suppressing the delimiter and appending "Wait", at most W times
 * ({@code think@TwW}, default W = 2). See {@link ForcedChain} and {@link ThinkRoute}.
 */
record ThinkBudget(int tokens, int maxWaits, Optional<ModelFamily> family, ThinkRoute route) implements Strategy {
    ThinkBudget {
        new ForcedChain.Settings(tokens, maxWaits, family, route);
    }

    @Override
    public String name() { return "think@" + tokens + (maxWaits == StrategySpec.Think.DEFAULT_WAITS ? "" : "w" + maxWaits); }

    @Override
    public int maxSamples() { return 1; }

    @Override
    public Result solve(Session session) {
        if (session.finite()) {
            throw PonderException.invalid("%s needs a live model to continue its thinking; a replay bank holds finished samples", name());
        }
        return ForcedChain.run(session, session.baseRequest(), new ForcedChain.Settings(tokens, maxWaits, family, route), name())
                .map(o -> session.result(name(), o.sample().answer(), Optional.of(o.sample()), o.sample().hasAnswer() ? 1.0 : 0.0))
                .orElseGet(() -> session.result(name(), "", Optional.empty(), 0));
    }
}
