package dev.ponder.lab.cost;

/** Where a tier's tokens per query came from: observed queries, or the class's written assumptions. */
public sealed interface Basis permits Basis.Observed, Basis.Assumed {
    /** Mean tokens of the queries a run or the proxy's traces recorded for the tier. */
    record Observed(TierObservation observation) implements Basis {}

    /** The class's tokens per sample times the samples a query draws. */
    record Assumed(double samples, Assumption assumption) implements Basis {}
}
