package dev.ponder.server.chat;

import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import java.time.Duration;

/**
 * Sees the end of every request, in the one place every request passes: the proxy's metrics and trace ring, and the
 * hook for whatever else wants each request (telemetry spans, a request log, live calibration of stopping rules).
 * Called on the request's own thread, which may be an event loop: an observer must not block.
 */
public interface RequestObserver {

    /**
     * The reply a request's answer goes out on, as this observer wants it: {@code reply} itself, or one that passes
     * everything on to it and watches (a stored-completions log keeps the answer). Called once per request as the
     * pipeline takes it, on the event loop that read it: it must not block.
     */
    default Reply reply(String traceId, Caller caller, ChatRequest request, Reply reply) {
        return reply;
    }

    /** A request that held a reservation, accounted before its answer goes out (its status is the one it is answered with). */
    default void settled(Settled request) { }

    /**
     * Any request once answered: the strategy it ran ({@code none} when refused before it was read, {@code unknown}
     * before its model resolved), its key, its status and the time to the last byte.
     */
    default void answered(String strategy, String key, int status, Duration latency) { }
}
