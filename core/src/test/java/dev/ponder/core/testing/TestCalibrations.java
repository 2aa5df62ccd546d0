package dev.ponder.core.testing;

import dev.ponder.core.calibrate.Calibration;
import java.util.List;
import java.util.Optional;

/** Calibrations written by hand for tests: a rule and setting for a model with number answers, nothing measured. */
public final class TestCalibrations {
    private TestCalibrations() {}

    public static Calibration of(String rule, double setting, int budget, String model) {
        return new Calibration(rule, setting, rule + "@" + setting, false, "disagreement", 0.05, 0.1, "ltt", 500, 0.01, 0.03, 2.0,
                budget, 0.75, model, "number", Optional.empty(), "test", 4, 0, Optional.empty(), List.of(), List.of(), Optional.empty());
    }
}
