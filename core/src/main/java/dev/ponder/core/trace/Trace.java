package dev.ponder.core.trace;

import dev.ponder.core.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every internal call of one request, in order. Thread-safe: strategies may call backends in parallel. */
public final class Trace {
    private final String id;
    private final List<Call> calls = new ArrayList<>();

    public Trace(String id) { this.id = id; }

    public String id() { return id; }

    public synchronized Call record(String purpose, String backend, String model, int samples, Usage usage,
                                    Instant startedAt, int attempts, List<String> verdicts, Optional<String> error) {
        Call c = new Call(calls.size(), purpose, backend, model, samples, usage, startedAt, attempts, verdicts, error);
        calls.add(c);
        return c;
    }

    public synchronized List<Call> calls() { return List.copyOf(calls); }

    /**
     * Adds notes to the last call, after its verdicts: how the strategy ran there (a budget-forced chain's route and
     * thinking tokens). Nothing happens when no call was made.
     */
    public synchronized void annotateLast(List<String> notes) {
        if (calls.isEmpty() || notes.isEmpty()) return;
        Call c = calls.getLast();
        List<String> v = new ArrayList<>(c.verdicts());
        v.addAll(notes);
        calls.set(calls.size() - 1, new Call(c.seq(), c.purpose(), c.backend(), c.model(), c.samples(), c.usage(), c.startedAt(), c.attempts(),
                v, c.error()));
    }

    public synchronized Usage total() {
        Usage u = Usage.ZERO;
        for (Call c : calls) u = u.plus(c.usage());
        return u;
    }
}
