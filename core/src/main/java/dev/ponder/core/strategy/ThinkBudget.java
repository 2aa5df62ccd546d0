package dev.ponder.core.strategy;

import dev.ponder.core.model.ModelFamily;
import java.util.Optional;

/**
 * {@code think@T}: one chain of thought held to about T thinking tokens by budget forcing (Muennighoff et al. 2025,
 * "s1: Simple test-time scaling"): end the thinking at T with the end-of-thinking delimiter and ask for the answer;
 * extend a chain that stops early by suppressing the delimiter and appending "Wait", at most W times
 * ({@code think@TwW}, default W = 2). See {@link ForcedChain} and {@link ThinkRoute}.
 */
record ThinkBudget(int tokens, int maxWaits, Optional<ModelFamily> family, ThinkRoute route) implements Strategy {
    static final int DEFAULT_WAITS = 2;

    ThinkBudget {
        new ForcedChain.Settings(tokens, maxWaits, family, route);
    }

    @Override
    public String name() { return "think@" + tokens + (maxWaits == DEFAULT_WAITS ? "" : "w" + maxWaits); }

    @Override
    public int maxSamples() { return 1; }

    @Override
    public Result solve(Session session) {
        if (session.finite()) {
            throw dev.ponder.core.error.PonderException.invalid("%s needs a live model to continue its thinking; a replay bank holds finished samples", name());
        }
        return ForcedChain.run(session, session.baseRequest(), new ForcedChain.Settings(tokens, maxWaits, family, route), name())
                .map(o -> session.result(name(), o.sample().answer(), Optional.of(o.sample()), o.sample().hasAnswer() ? 1.0 : 0.0))
                .orElseGet(() -> session.result(name(), "", Optional.empty(), 0));
    }

    /** Parses the parameter of {@code think@T} or {@code think@TwW}. */
    static ThinkBudget parse(String p) {
        var m = java.util.regex.Pattern.compile("(\\d{1,9})(?:w(\\d{1,3}))?").matcher(p.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("think needs a token budget and optionally the most Wait extensions, e.g. think@1024 or think@1024w4; was \""
                    + p + "\"");
        }
        int t = Integer.parseInt(m.group(1));
        if (t < 16) throw new IllegalArgumentException("think@T needs T >= 16 thinking tokens, was " + t);
        return new ThinkBudget(t, m.group(2) == null ? DEFAULT_WAITS : Integer.parseInt(m.group(2)), Optional.empty(), ThinkRoute.AUTO);
    }
}
