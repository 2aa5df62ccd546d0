package dev.ponder.server.chat;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.trace.Call;
import java.util.List;

/** Why a run came back without the samples it needed, as the error the caller gets. */
final class Failures {
    private Failures() {}

    static PonderException of(Session s, int wanted, int got) {
        String why = s.error().orElse("no error recorded");
        return switch (s.stopReason()) {
            case BUDGET, DEADLINE -> new PonderException(Kind.BUDGET_EXCEEDED, "the request's budget (ponder.budget, or what is left of the"
                    + " key's budget) does not cover " + (got == 0 ? "a single sample" : wanted + " samples") + ": " + why);
            case EXHAUSTED -> new PonderException(Kind.SAMPLES_EXHAUSTED, "asked for " + wanted + " samples, the replay bank has " + got
                    + " left for this question: " + why);
            case FAILED -> new PonderException(kindOf(s.trace().calls()), why, s.failure().flatMap(Failure::retryAfter).orElse(null), null);
            case DONE -> new PonderException(Kind.INTERNAL, "the strategy stopped with " + got + " of " + wanted + " samples");
        };
    }

    /** The kind of the last failed call ("KIND: message" in the trace). */
    private static Kind kindOf(List<Call> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            var e = calls.get(i).error();
            if (e.isPresent()) {
                int colon = e.get().indexOf(':');
                try {
                    return Kind.valueOf(colon < 0 ? e.get() : e.get().substring(0, colon));
                } catch (IllegalArgumentException ignored) {
                    return Kind.UPSTREAM_UNAVAILABLE;
                }
            }
        }
        return Kind.UPSTREAM_UNAVAILABLE;
    }
}
