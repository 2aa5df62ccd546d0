package dev.ponder.core.strategy;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Defaults;
import dev.ponder.core.strategy.StrategySpec.Given;
import dev.ponder.core.strategy.StrategySpec.Shipped;
import dev.ponder.core.strategy.StrategySpec.Tuning;
import java.util.OptionalInt;

/**
 * Ponder's {@code adaptive}: draw until a calibrated stopping rule is satisfied, then vote, weighted by the samples'
 * scores or confidences when they carry them ({@link Tally#decision}, the answer the calibration compared against).
 * The rule comes from a calibration ({@link dev.ponder.core.calibrate}): one given (a file, refused for another model
 * or answer kind), or the shipped default for the session's model and answer kind (and dataset, when the run knows
 * it), else the pooled one. At most the calibration's full budget, or {@code max} when given (the pooled default:
 * {@link StrategyRegistry#DEFAULT_MAX}).
 */
final class Calibrated implements Strategy {

    private final String name;
    private final Tuning tuning;
    private final OptionalInt max;

    Calibrated(String name, Tuning tuning, OptionalInt max) {
        max.ifPresent(m -> {
            if (m < 1) throw new IllegalArgumentException("max samples must be >= 1, was " + m);
        });
        this.name = name;
        this.tuning = tuning;
        this.max = max;
    }

    @Override
    public String name() { return name; }

    @Override
    public int maxSamples() {
        return max.orElseGet(() -> switch (tuning) {
            case Given g -> g.calibration().fullBudget();
            case Shipped s -> StrategyRegistry.DEFAULT_MAX;
        });
    }

    @Override
    public Result solve(Session session) {
        String model = session.baseRequest().model();
        String kind = session.extractor().label();
        Calibration c;
        int cap;
        switch (tuning) {
            case Given g -> {
                CalibrationFile.requireFor(g.calibration(), g.where(), model, kind);
                c = g.calibration();
                cap = max.orElse(c.fullBudget());
            }
            case Shipped s -> {
                Defaults.Resolved r = Defaults.lookup(model, kind, s.dataset());
                c = r.calibration();
                cap = max.orElse(r.pooled() ? StrategyRegistry.DEFAULT_MAX : c.fullBudget());
            }
        }
        Adaptive.drawUntil(session, c.stopRule(), cap);
        return WeightedVote.decide(session, name);
    }
}
