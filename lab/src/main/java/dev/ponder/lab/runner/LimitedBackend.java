package dev.ponder.lab.runner;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import java.util.OptionalInt;

/**
 * A backend behind its {@link Limits} and the run's {@link SpendGuard}: each call waits for a slot and for the
 * rate limits (its worst-case tokens count against tokens-per-minute), and is refused when its worst-case cost
 * could take the run past {@code --max-dollars}. Retries with backoff are the wrapped backend's own (the OpenAI
 * backend retries 429/5xx with jittered backoff and Retry-After).
 */
final class LimitedBackend implements Backend {
    private final Backend inner;
    private final Limits limits;
    private final SpendGuard guard;
    private volatile boolean refused;

    LimitedBackend(Backend inner, Limits limits, SpendGuard guard) {
        this.inner = inner;
        this.limits = limits;
        this.guard = guard;
    }

    /** True when a call was refused for the run's spend limit: the unit is incomplete and must not be stored. */
    boolean refused() { return refused; }

    @Override
    public String name() { return inner.name(); }

    @Override
    public String nameFor(String model) { return inner.nameFor(model); }

    @Override
    public Generated generate(GenerationRequest request) {
        Usage worst = inner.worstCase(request);
        if (!guard.reserve(worst.dollars())) {
            refused = true;
            throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, String.format(
                    "the run's spend limit $%.4f would be exceeded (spent $%.4f)", guard.max(), guard.spent()));
        }
        double settled = 0;
        try {
            limits.inFlight().acquire();
            try {
                if (limits.requests().isPresent()) limits.requests().get().acquire(1);
                if (limits.tokens().isPresent()) limits.tokens().get().acquire(Math.max(1, worst.totalTokens()));
                Generated out = inner.generate(request);
                for (Generation g : out.generations()) settled += g.usage().dollars();
                return out;
            } finally {
                limits.inFlight().release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, "interrupted while waiting for a rate limit", e);
        } finally {
            guard.settle(worst.dollars(), settled);
        }
    }

    @Override
    public Usage worstCase(GenerationRequest request) { return inner.worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return inner.remaining(request); }
}
