package dev.ponder.cli.io;

import dev.ponder.core.error.PonderException;
import java.util.List;

/**
 * Range checks for numeric flags, with the flag's name in the message. Sizes that set how much work a command does
 * (bootstrap resamples, K, folds) have upper bounds too, so a typo cannot exhaust memory or run for hours.
 */
public final class FlagChecks {
    private FlagChecks() {}

    public static int between(String flag, int value, int low, int high) {
        if (value < low || value > high) throw PonderException.invalid("%s must be in [%d, %d], was %d", flag, low, high, value);
        return value;
    }

    public static long between(String flag, long value, long low, long high) {
        if (value < low || value > high) throw PonderException.invalid("%s must be in [%d, %d], was %d", flag, low, high, value);
        return value;
    }

    /** A finite number in [low, high]. */
    public static double between(String flag, double value, double low, double high) {
        if (!(value >= low && value <= high)) throw PonderException.invalid("%s must be a number in [%s, %s], was %s", flag, low, high, value);
        return value;
    }

    /** Every value finite and in [low, high]; the list not empty and at most {@code most} long. */
    public static List<Double> each(String flag, List<Double> values, double low, double high, int most) {
        if (values == null || values.isEmpty() || values.size() > most) {
            throw PonderException.invalid("%s needs 1 to %d values, was %s", flag, most, values == null ? "none" : values.size());
        }
        for (Double v : values) {
            if (v == null) throw PonderException.invalid("%s has an empty value", flag);
            between(flag, v, low, high);
        }
        return values;
    }
}
