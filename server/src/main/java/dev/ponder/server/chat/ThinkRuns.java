package dev.ponder.server.chat;

import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import java.util.Optional;

/** What a {@code think@T} run did, read from the notes its chain left on its trace, and whether it must run again by chat. */
final class ThinkRuns {
    private ThinkRuns() {}

    /** The route, thinking tokens and Waits of the chain in {@code trace}; empty when none ran. */
    static Optional<Outcome.Thinking> of(Trace trace) {
        Optional<String> route = ThinkRoute.ranIn(trace);
        if (route.isEmpty()) return Optional.empty();
        long tokens = 0;
        int waits = 0;
        for (Call c : trace.calls()) {
            for (String v : c.verdicts()) {
                if (v.startsWith("thinking tokens: ")) tokens = Long.parseLong(v.substring("thinking tokens: ".length()).strip());
                if (v.startsWith("waits: ")) waits = Integer.parseInt(v.substring("waits: ".length()).strip());
            }
        }
        return Optional.of(new Outcome.Thinking(route.get(), tokens, waits));
    }

    /**
     * True when a {@code think@T} run set out by plain completions and its model's upstreams have since answered that they
     * serve none (under {@code completions: auto}): the run is worth repeating by chat turns.
     */
    static boolean completionsWentMissing(Strategy strategy, Session session, ServedModel model) {
        return strategy.name().startsWith("think@") && session.canComplete() && model instanceof UpstreamModel u && !u.pool().servesCompletions();
    }
}
