package dev.ponder.lab.bench;

import java.util.Locale;

/** Which kind of strategy a bench row is: a fixed sample count, a published stopping rule, or Ponder's own. */
public enum Family {
    FIXED, BASELINE, PONDER;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** The family of a strategy spec. */
    public static Family of(String spec) {
        if (spec.startsWith("esc@") || spec.startsWith("ac@")) return BASELINE;
        if (spec.startsWith("vote@") || spec.startsWith("best@") || spec.startsWith("wvote@") || spec.equals("single")) return FIXED;
        return PONDER;
    }
}
