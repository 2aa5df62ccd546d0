package dev.ponder.core.backend;

/**
 * Receives a streamed call's deltas as they arrive, before the call returns. Calls are never concurrent (a backend
 * that streams several choices in parallel serialises them) and each choice's deltas come in order.
 * A listener that throws aborts the call.
 */
@FunctionalInterface
public interface StreamListener {
    void onDelta(Delta delta);

    /** {@code listener} called by one thread at a time, for a backend whose choices stream in parallel. */
    static StreamListener serial(StreamListener listener) {
        Object lock = new Object();
        return d -> {
            synchronized (lock) {
                listener.onDelta(d);
            }
        };
    }
}
