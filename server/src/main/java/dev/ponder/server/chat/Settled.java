package dev.ponder.server.chat;

import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.trace.TraceJson;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * What a request came to, as settlement books it and {@link RequestObserver}s see it: who asked, its trace id, the
 * model name asked for and the target it ran on, the usage of every internal call, the status it is answered with,
 * its runs (traces and samples), the upstream tries behind them (retries and fallbacks included), the milliseconds
 * to settlement and the epoch second it settled. Built from what the request's trace is built from, not the request
 * itself, whose parsed body an observer keeping it would keep reachable.
 */
public record Settled(Caller caller, String traceId, String model, Catalog.Target target, Usage used, int status,
                      List<TraceJson.Run> runs, int attempts, long elapsedMillis, long created) {

    static Settled of(Decision.Admitted d, Usage used, int status, List<TraceJson.Run> runs, int attempts, InstantSource clock) {
        Arrival a = d.arrival();
        return new Settled(a.caller(), a.traceId(), a.request().model(), d.target(), used, status, runs, attempts,
                (System.nanoTime() - a.startedNanos()) / 1_000_000, clock.instant().getEpochSecond());
    }

    /** As {@link #of}, the tries read from the runs' traces. */
    static Settled of(Decision.Admitted d, Usage used, int status, List<TraceJson.Run> runs, InstantSource clock) {
        int attempts = 0;
        for (TraceJson.Run r : runs) for (Call c : r.trace().calls()) attempts += c.attempts();
        return of(d, used, status, runs, attempts, clock);
    }

    /** The run of a request that made one call as written (relayed or passed through): no samples, no answer of its own. */
    static TraceJson.Run asWritten(Trace trace) { return new TraceJson.Run(trace, List.of(), "", "DONE", Optional.empty()); }
}
