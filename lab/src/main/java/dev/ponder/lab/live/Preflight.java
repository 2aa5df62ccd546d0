package dev.ponder.lab.live;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Usage;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a per-problem budget against one call before a run starts: a budget that cannot hold a single call's
 * reservation (its max_tokens, or the backend's default cap, at the model's price) would draw nothing and report an
 * accuracy of 0, so it is refused up front with the figure it needs.
 */
public final class Preflight {
    private Preflight() {}

    /** What is wrong with {@code budget} for one sample of {@code request} on {@code backend}, if anything. */
    public static Optional<String> oneCall(Budget budget, Backend backend, GenerationRequest request) {
        Usage worst = backend.worstCase(request.withN(1));
        String tokens = String.format(Locale.ROOT, "%d output tokens at most + about %d input", worst.outputTokens(), worst.inputTokens());
        if (budget.maxDollars().isPresent() && worst.dollars() > budget.maxDollars().get() + 1e-12) {
            return Optional.of(String.format(Locale.ROOT, "a dollar budget of $%.6f per problem cannot cover one call: a call to %s"
                    + " reserves up to $%.6f (%s)", budget.maxDollars().get(), request.model(), worst.dollars(), tokens));
        }
        if (budget.maxTokens().isPresent() && worst.totalTokens() > budget.maxTokens().get()) {
            return Optional.of(String.format(Locale.ROOT, "a token budget of %d per problem cannot cover one call: a call to %s"
                    + " reserves up to %d tokens (%s)", budget.maxTokens().get(), request.model(), worst.totalTokens(), tokens));
        }
        return Optional.empty();
    }
}
