package dev.ponder.core.calibrate;

import java.util.Locale;

/**
 * What a calibration bounds, per question. {@code DISAGREEMENT}: the early answer differs from the answer at the full
 * budget (needs no reference answers). {@code ACCURACY}: accuracy lost, the full-budget answer was right and the early
 * one is wrong (needs labels; an early answer that is right where the full one is wrong is not credited, so this bounds
 * the loss, not the net change).
 */
public enum Risk {
    DISAGREEMENT, ACCURACY;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** Reads {@code disagreement} or {@code accuracy}, naming the bad value otherwise. */
    public static Risk parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "disagreement" -> DISAGREEMENT;
            case "accuracy" -> ACCURACY;
            default -> throw new IllegalArgumentException("risk must be disagreement or accuracy, was \"" + s + "\"");
        };
    }
}
