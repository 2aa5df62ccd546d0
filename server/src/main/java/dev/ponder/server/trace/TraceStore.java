package dev.ponder.server.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The traces of the most recent requests (bounded, oldest dropped), readable by the key that made the request.
 * A ring of the last {@code capacity} requests: keeping one is a single write, with no lock and no index to
 * maintain; reading one (rare: someone debugging) scans the ring.
 */
public final class TraceStore {
    private record Kept(String id, String owner, Supplier<ObjectNode> trace) {}

    private final int capacity;
    private final AtomicReferenceArray<Kept> ring;
    private final AtomicLong next = new AtomicLong();

    public TraceStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("trace capacity must be >= 1, was " + capacity);
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Keeps a request's trace, built only when someone asks for it (most never are). */
    public void put(String id, Caller owner, Supplier<ObjectNode> trace) {
        ring.set((int) (next.getAndIncrement() % capacity), new Kept(id, owner.id(), trace));
    }

    public ObjectNode get(String id, Caller caller) {
        for (int i = 0; i < capacity; i++) {
            Kept k = ring.get(i);
            if (k != null && k.id().equals(id) && k.owner().equals(caller.id())) return k.trace().get();
        }
        throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "trace_not_found", "no trace " + id + " for this key (the proxy keeps the "
                + capacity + " most recent requests' traces)");
    }
}
