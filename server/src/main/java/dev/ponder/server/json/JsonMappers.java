package dev.ponder.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The proxy's JSON mapper for request and response bodies, tuned for event loops. Jackson recycles its parse and write buffers through a pool;
 * which pool suits depends on the thread: a platform thread (an event loop that handles thousands of requests) keeps
 * its own buffers, while a virtual thread (one per request, never reused) takes them from a shared pool and gives
 * them back, rather than allocating fresh ones per request.
 */
public final class JsonMappers {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().recyclerPool(new ByThread()).build());

    private JsonMappers() {}

    public static ObjectMapper mapper() { return MAPPER; }

    /** Thread-local buffers on platform threads, a shared concurrent pool on virtual ones. */
    private static final class ByThread implements RecyclerPool<BufferRecycler> {
        private static final long serialVersionUID = 1L;
        private final transient RecyclerPool<BufferRecycler> own = JsonRecyclerPools.threadLocalPool();
        private final transient RecyclerPool<BufferRecycler> shared = JsonRecyclerPools.sharedConcurrentDequePool();

        private RecyclerPool<BufferRecycler> pool() { return Thread.currentThread().isVirtual() ? shared : own; }

        // each recycler goes back to the pool it came from: acquireAndLinkPooled links it there
        @Override
        public BufferRecycler acquireAndLinkPooled() { return pool().acquireAndLinkPooled(); }

        @Override
        public BufferRecycler acquirePooled() { return pool().acquirePooled(); }

        @Override
        public void releasePooled(BufferRecycler r) { pool().releasePooled(r); }
    }
}
