package dev.ponder.core.strategy;

/**
 * A way of spending test-time compute on one question. Implementations draw samples only through the
 * {@link Session}, which enforces the budget and records every call.
 */
public interface Strategy {

    /** The canonical spec, as {@link StrategyRegistry#parse} reads it (e.g. {@code vote@5}). */
    String name();

    Result solve(Session session);

    /** The most samples one question can take (for planning and for replay banks). */
    int maxSamples();

    /** One sample (Wei et al. 2022 when the prompt asks for a chain of thought). */
    static Strategy single() { return Single.INSTANCE; }

    /** Self-consistency: majority over {@code n} extracted answers (Wang et al. 2022). */
    static Strategy vote(int n) { return new Vote(n); }

    static Strategy parse(String spec) { return StrategyRegistry.standard().parse(spec); }
}
