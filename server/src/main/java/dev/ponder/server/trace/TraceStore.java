package dev.ponder.server.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The traces of the most recent requests (bounded, oldest dropped), readable by the key that made the request.
 * Lock-free: a ring of ids in arrival order says which trace to drop when a new one comes in.
 */
public final class TraceStore {
    private record Kept(String owner, Supplier<ObjectNode> trace) {}

    private final int capacity;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> ring;
    private final AtomicLong next = new AtomicLong();

    public TraceStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("trace capacity must be >= 1, was " + capacity);
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Keeps a request's trace, built only when someone asks for it (most never are). */
    public void put(String id, Caller owner, Supplier<ObjectNode> trace) {
        kept.put(id, new Kept(owner.id(), trace));
        String dropped = ring.getAndSet((int) (next.getAndIncrement() % capacity), id);
        if (dropped != null) kept.remove(dropped);
    }

    public ObjectNode get(String id, Caller caller) {
        Kept k = kept.get(id);
        if (k == null || !k.owner().equals(caller.id())) {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "trace_not_found", "no trace " + id + " for this key (the proxy keeps the "
                    + capacity + " most recent requests' traces)");
        }
        return k.trace().get();
    }
}
