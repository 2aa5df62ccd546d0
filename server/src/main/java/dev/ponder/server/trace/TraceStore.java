package dev.ponder.server.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import java.util.LinkedHashMap;
import java.util.Map;

/** The traces of the most recent requests (bounded, oldest dropped), readable by the key that made the request. */
public final class TraceStore {
    private record Kept(String owner, ObjectNode trace) {}

    private final int capacity;
    private final Map<String, Kept> kept;

    public TraceStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("trace capacity must be >= 1, was " + capacity);
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) { return size() > TraceStore.this.capacity; }
        };
    }

    public synchronized void put(String id, Caller owner, ObjectNode trace) { kept.put(id, new Kept(owner.id(), trace)); }

    public synchronized ObjectNode get(String id, Caller caller) {
        Kept k = kept.get(id);
        if (k == null || !k.owner().equals(caller.id())) {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "trace_not_found", "no trace " + id + " for this key (the proxy keeps the "
                    + capacity + " most recent requests' traces)");
        }
        return k.trace();
    }
}
