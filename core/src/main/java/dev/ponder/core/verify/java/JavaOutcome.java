package dev.ponder.core.verify.java;

import java.util.Locale;

/** How a run of a candidate against its tests ended. Only {@link #PASSED} is an accepted verdict. */
public enum JavaOutcome {
    PASSED, FAILED, COMPILE_ERROR, TIMEOUT, MEMORY, OUTPUT_LIMIT, VIOLATION;

    /** The label used in verdict reasons and JSON: {@code passed}, {@code compile_error}, ... */
    public String label() { return name().toLowerCase(Locale.ROOT); }
}
