package dev.ponder.core.strategy;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.strategy.stop.StopRule;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A way of spending test-time compute on one question. Implementations draw samples only through the
 * {@link Session}, which enforces the budget and records every call.
 */
public interface Strategy {

    /** The canonical spec, as {@link StrategyRegistry#parse} reads it (e.g. {@code vote@5}): its {@link StrategySpec#written()}. */
    String name();

    Result solve(Session session);

    /** The most samples one question can take (for planning and for replay banks). */
    int maxSamples();

    /**
     * True when the strategy learns from earlier questions (its state lives in the instance): runs that must be
     * reproducible feed it questions one at a time, in order.
     */
    default boolean learnsAcrossQuestions() { return false; }

    /**
     * True when the strategy cannot run without a checker ({@code verify@K}): callers refuse it before any call when
     * none is configured. {@code refine@R} and {@code cascade} use one when present and do without (self-critique,
     * agreement of votes) otherwise.
     */
    default boolean needsChecker() { return false; }

    /** One sample (Wei et al. 2022 when the prompt asks for a chain of thought). */
    static Strategy single() { return Single.INSTANCE; }

    /** Self-consistency: majority over {@code n} extracted answers (Wang et al. 2022). */
    static Strategy vote(int n) { return new Vote(n); }

    /**
     * Budget forcing (s1): one chain held to about {@code tokens} thinking tokens, extended with "Wait" at most
     * {@code maxWaits} times, with the delimiters of {@code family} (guessed from the model name when empty).
     */
    static Strategy think(int tokens, int maxWaits, Optional<ModelFamily> family, ThinkRoute route) {
        return new ThinkBudget(tokens, maxWaits, family, route);
    }

    /** Voting until a stopping rule is satisfied, at most {@code max} samples. */
    static Strategy adaptive(StopRule rule, int max, String name) { return new Adaptive(name, rule, max); }

    /**
     * Ponder's {@code adaptive} with a given calibration ({@code where} names it: a file, or "calibrated"): its rule at its
     * full budget, voting weighted when samples carry scores or confidences; refused for another model or answer kind.
     */
    static Strategy adaptive(Calibration calibration, String where) {
        return new StrategySpec.Adaptive(OptionalInt.empty(), new StrategySpec.Given(calibration, where)).create();
    }

    /** The standard strategy {@code spec} names ({@link StrategyRegistry#standard()}). */
    static Strategy parse(String spec) { return StrategyRegistry.standard().parse(spec); }
}
