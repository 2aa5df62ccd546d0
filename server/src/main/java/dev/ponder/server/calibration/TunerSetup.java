package dev.ponder.server.calibration;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Defaults;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.config.CalibrationConfig;
import dev.ponder.server.ledger.Ledger;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Builds a {@link Tuner}'s model states from the config: starting calibrations, full budgets, questions kept from before. */
final class TunerSetup {
    private TunerSetup() {}

    static Tuner open(Optional<CalibrationConfig> config, List<ServedModel> models, int maxSamples, Ledger ledger, CalibrationMeters meters,
                      InstantSource clock, RandomGenerator chooser) {
        Map<String, ModelState> states = new LinkedHashMap<>();
        Map<String, QuestionLog> logs = new LinkedHashMap<>();
        if (config.isPresent()) {
            CalibrationConfig c = config.get();
            Map<String, UpstreamModel> upstream = new LinkedHashMap<>();
            for (ServedModel m : models) if (m instanceof UpstreamModel u) upstream.put(u.id(), u);
            for (String model : c.files().keySet()) {
                if (!upstream.containsKey(model)) {
                    throw PonderException.invalid("calibration.files.%s: model %s is not a served upstream model; served: %s", model, model,
                            String.join(", ", upstream.keySet()));
                }
            }
            for (UpstreamModel u : upstream.values()) {
                if (!c.live() && !c.files().containsKey(u.id())) continue;
                ModelState s = state(c, u, maxSamples);
                states.put(u.id(), s);
                c.store().ifPresent(dir -> logs.put(u.id(), restore(new QuestionLog(dir, u.id()), s)));
            }
        }
        return new Tuner(config, states, logs, ledger, meters, clock, chooser);
    }

    private static ModelState state(CalibrationConfig c, UpstreamModel u, int maxSamples) {
        String kind = u.extractor().label();
        Calibration start;
        String from;
        int budget;
        Path file = c.files().get(u.id());
        if (file != null) {
            start = CalibrationFile.read(file);
            CalibrationFile.requireFor(start, file.toString(), u.id(), kind);
            from = "file " + file;
            budget = start.fullBudget();
        } else {
            Defaults.Resolved r = Defaults.lookup(u.id(), kind, Optional.empty());
            start = r.calibration();
            from = "shipped default " + r.name();
            budget = r.pooled() ? Math.min(StrategyRegistry.DEFAULT_MAX, maxSamples) : start.fullBudget();
        }
        budget = c.fullBudget().orElse(budget);
        if (budget > maxSamples) {
            throw PonderException.invalid("calibration: model %s would draw a full budget of %d samples, over server.max_samples (%d); set"
                    + " calibration.full_budget or raise server.max_samples", u.id(), budget, maxSamples);
        }
        return new ModelState(u.id(), kind, budget, c, start, from);
    }

    /** The questions a model kept before a restart, back in its window, refitted once when there are enough. */
    private static QuestionLog restore(QuestionLog log, ModelState s) {
        List<Question> kept = log.read();
        for (Question q : kept) {
            if (q.samples().size() >= s.fullBudget()) s.add(new Question(q.id(), q.samples().subList(0, s.fullBudget())), false);
        }
        if (s.ready()) s.refit();
        return log;
    }
}
