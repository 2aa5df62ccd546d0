package dev.ponder.core.verify.java;

import dev.ponder.core.model.Verdict;
import java.util.Objects;

/** The result of running one candidate: outcome, a one-line detail, and host wall time in milliseconds. */
public record JavaRun(JavaOutcome outcome, String detail, long millis) {
    public JavaRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (millis < 0) throw new IllegalArgumentException("millis must be >= 0, was " + millis);
    }

    /** Accepted when passed; otherwise rejected with a reason that starts with the outcome's label. */
    public Verdict verdict() {
        return outcome == JavaOutcome.PASSED
                ? Verdict.accepted(outcome.label())
                : Verdict.rejected(outcome.label() + ": " + detail);
    }
}
