package dev.ponder.core.verify.java;

import java.util.Locale;

/** How a run of a candidate against its tests ended. Only {@link #PASSED} is an accepted verdict. */
public enum JavaOutcome {
    PASSED, FAILED, COMPILE_ERROR, TIMEOUT, MEMORY, OUTPUT_LIMIT, VIOLATION;

    /** The label used in verdict reasons and JSON: {@code passed}, {@code compile_error}, ... */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    static JavaOutcome ofCode(int code) {
        JavaOutcome[] all = values();
        if (code < 0 || code >= all.length) throw new IllegalArgumentException("unknown outcome code " + code);
        return all[code];
    }
}
