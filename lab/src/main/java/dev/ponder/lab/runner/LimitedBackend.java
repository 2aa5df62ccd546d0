package dev.ponder.lab.runner;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.ForwardingBackend;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A backend behind its {@link Limits} and the run's {@link SpendGuard}: each call waits for a slot and for the
 * rate limits (its worst-case tokens count against tokens-per-minute), and is refused when its worst-case cost
 * could take the run past {@code --max-dollars}. Retries with backoff are the wrapped backend's own (the OpenAI
 * backend retries 429/5xx with jittered backoff and Retry-After). A backend that continues raw prompts stays one
 * ({@link #of}), so think@T can use {@code /v1/completions} in plans as it does in {@code ponder run}.
 */
class LimitedBackend implements ForwardingBackend {
    private final Backend inner;
    private final Limits limits;
    private final SpendGuard guard;
    private volatile Optional<String> refusal = Optional.empty();

    LimitedBackend(Backend inner, Limits limits, SpendGuard guard) {
        this.inner = inner;
        this.limits = limits;
        this.guard = guard;
    }

    /** The limited backend, able to complete raw prompts when {@code inner} can. */
    static LimitedBackend of(Backend inner, Limits limits, SpendGuard guard) {
        return inner instanceof CompletionBackend cb ? new Completing(cb, limits, guard) : new LimitedBackend(inner, limits, guard);
    }

    /** True when a call was refused for the run's spend limit: the unit is incomplete and must not be stored. */
    boolean refused() { return refusal.isPresent(); }

    /** Why the call was refused: what it would have reserved and what was left of the limit. */
    Optional<String> refusal() { return refusal; }

    @Override
    public Backend delegate() { return inner; }

    @Override
    public Generated generate(GenerationRequest request) {
        return guarded(inner.worstCase(request), request.model(), () -> inner.generate(request));
    }

    /** Runs one call inside the limits, reserving its worst case against the run's spend limit. */
    Generated guarded(Usage worst, String model, Supplier<Generated> call) {
        if (!guard.reserve(worst.dollars())) {
            String why = String.format(Locale.ROOT, "a call to %s reserves up to $%.6f (%d output tokens at most) and $%.6f of the run's"
                    + " limit $%.4f is left ($%.6f spent)", model, worst.dollars(), worst.outputTokens(), guard.left(), guard.max(), guard.spent());
            refusal = Optional.of(why);
            throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, why);
        }
        double settled = 0;
        try {
            limits.inFlight().acquire();
            try {
                if (limits.requests().isPresent()) limits.requests().get().acquire(1);
                if (limits.tokens().isPresent()) limits.tokens().get().acquire(Math.max(1, worst.totalTokens()));
                Generated out = call.get();
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

    /** The same limits over a backend that also completes raw prompts. */
    private static final class Completing extends LimitedBackend implements CompletionBackend {
        private final CompletionBackend completer;

        Completing(CompletionBackend inner, Limits limits, SpendGuard guard) {
            super(inner, limits, guard);
            this.completer = inner;
        }

        @Override
        public Generated complete(CompletionRequest request) {
            return guarded(completer.worstCase(request), request.model(), () -> completer.complete(request));
        }

        @Override
        public Usage worstCase(CompletionRequest request) { return completer.worstCase(request); }
    }
}
