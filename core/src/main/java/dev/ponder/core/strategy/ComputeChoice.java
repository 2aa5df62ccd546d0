package dev.ponder.core.strategy;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Sample;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code cascade} and {@code optimal} spend their next compute on a question: on one longer chain of thought
 * (budget forcing, {@code think@T}) or on more samples to vote over. The rule follows Snell et al. 2024 ("Scaling
 * LLM Test-Time Compute Optimally...", section 6): sequential revision pays on questions the model nearly gets, parallel
 * sampling on hard ones. Nearness is read from the votes so far: a leader holding more than half of them means a
 * longer chain; a split means more samples. A longer chain needs a backend that continues raw prompts (completions),
 * so the thinking can be held to its budget; without one it is always more samples.
 */
final class ComputeChoice {
    enum Spend { LONGER_CHAIN, MORE_SAMPLES }

    private ComputeChoice() { }

    static Spend choose(Session session, Tally votes) {
        if (!session.canComplete() || votes.votes() == 0) return Spend.MORE_SAMPLES;
        return 2 * votes.topCount() > votes.votes() ? Spend.LONGER_CHAIN : Spend.MORE_SAMPLES;
    }

    /**
     * One budget-forced chain worth {@code samples} of these samples' output tokens (at least 64 thinking tokens),
     * added to the session's drawn samples; empty when it could not be made.
     */
    static Optional<Sample> longerChain(Session session, GenerationRequest base, List<Sample> like, int samples, String source) {
        double mean = like.stream().mapToLong(s -> s.usage().outputTokens()).average().orElse(0);
        int budget = (int) Math.max(64, Math.round(mean * samples));
        var settings = new ForcedChain.Settings(budget, StrategySpec.Think.DEFAULT_WAITS, Optional.empty(), ThinkRoute.COMPLETIONS);
        return ForcedChain.run(session, base, settings, source).map(ForcedChain.Outcome::sample);
    }
}
