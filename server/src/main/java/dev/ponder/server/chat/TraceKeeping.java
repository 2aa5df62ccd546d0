package dev.ponder.server.chat;

import dev.ponder.server.api.Completions;
import dev.ponder.server.trace.TraceJson;
import dev.ponder.server.trace.TraceStore;

/** Keeps each settled request's trace in the ring, for its key to read; the JSON is built only when someone asks. */
record TraceKeeping(TraceStore traces) implements RequestObserver {
    @Override
    public void settled(Settled s) {
        traces.put(s.traceId(), s.caller(), () -> {
            var trace = TraceJson.of(s.traceId(), s.model(), s.target().strategy().name(), s.caller().id(), s.created(), s.elapsedMillis(),
                    s.status(), s.runs());
            s.target().route().ifPresent(r -> trace.set("route", Completions.route(r)));
            return trace;
        });
    }
}
