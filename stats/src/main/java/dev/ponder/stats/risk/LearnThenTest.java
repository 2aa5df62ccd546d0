package dev.ponder.stats.risk;

/**
 * Learn then Test's fixed-sequence procedure (Angelopoulos, Bates, Candes, Jordan and Lei 2021, "Learn then Test:
 * Calibrating predictive algorithms to achieve risk control"). Settings are put in
 * an order fixed before the data are seen, from conservative to aggressive; each is tested in turn at level delta
 * (null: "its risk is above epsilon") and testing stops at the first setting not rejected. Every setting before
 * that one is certified, and with probability at least 1 - delta none of the certified ones has risk above epsilon:
 * the family-wise error stays at delta however many settings the sequence has. Several independent sequences (rule
 * families) share delta by Bonferroni.
 */
public final class LearnThenTest {
    private LearnThenTest() {}

    /** How many settings, from the first, the fixed sequence certifies: the leading run of p-values at most delta. */
    public static int certified(double[] pValues, double delta) {
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        int k = 0;
        while (k < pValues.length && pValues[k] <= delta) k++;
        return k;
    }

    /** The level each of {@code sequences} fixed sequences is tested at so that together they keep delta. */
    public static double bonferroni(double delta, int sequences) {
        if (sequences < 1) throw new IllegalArgumentException("need at least one sequence, was " + sequences);
        return delta / sequences;
    }
}
