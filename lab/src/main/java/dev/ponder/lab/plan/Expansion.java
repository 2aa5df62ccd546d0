package dev.ponder.lab.plan;

import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.lab.eval.LabSpecs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands a plan into its configurations, in a fixed order: source, backend, model, budget, seed, strategy.
 * Banks go with replay backends (the model is the bank's); problem sets go with live backends. Strategy specs are
 * checked here, {@code N-max} becomes the source's samples per problem, and with the plan's {@code calibration} a plain
 * {@code adaptive} becomes {@code adaptive:FILE.json} (the file resolved against the plan's folder).
 */
public final class Expansion {
    private Expansion() {}

    private static Strategy strategy(LoadedPlan lp, String spec, int maxSamples) {
        try {
            return LabSpecs.parse(spec, maxSamples, false);
        } catch (PonderException e) {
            throw PonderException.invalid("%s: strategies: %s", lp.file(), e.getMessage());
        }
    }

    /** Loads each source once and lists every configuration. */
    public static List<Config> expand(LoadedPlan lp, PriceCatalogue catalogue) {
        Plan plan = lp.plan();
        Map<SourceSpec, Source> loaded = new LinkedHashMap<>();
        for (SourceSpec s : plan.sources()) loaded.put(s, Source.load(s, lp.resolve(s.path())));
        List<Config> out = new ArrayList<>();
        for (var e : loaded.entrySet()) {
            Source src = e.getValue();
            boolean paired = false;
            for (BackendSpec b : plan.backends()) {
                if (b.isReplay() != e.getKey().isBank()) continue;
                paired = true;
                List<ModelSpec> models = b.isReplay() ? List.of(new ModelSpec(src.recordedModel().orElseThrow(), Optional.empty())) : b.models();
                for (ModelSpec m : models) {
                    Price price = m.price().map(p -> new Price(p.input(), p.output())).orElseGet(() -> catalogue.priceOf(m.name()));
                    for (BudgetSpec budget : plan.budgets()) {
                        for (long seed : plan.seeds()) {
                            for (String spec : plan.strategies()) {
                                String resolved = LabSpecs.resolve(spec, src.maxSamples());
                                if (resolved.equals("adaptive") && plan.calibration().isPresent()) resolved = "adaptive:" + lp.resolve(plan.calibration().get());
                                if (strategy(lp, resolved, src.maxSamples()).needsChecker() && plan.checker().isEmpty()) {
                                    throw PonderException.invalid("%s: strategy %s needs a checker and the plan names none: add a line"
                                            + " \"checker: NAME\" (known: %s)", lp.file(), spec, String.join(", ", CheckerSpec.FORMS));
                                }
                                out.add(new Config(out.size(), src, b, m.name(), price, resolved, budget, seed, plan.checker(),
                                        plan.checkerNoise(), plan.sampling()));
                            }
                        }
                    }
                }
            }
            if (!paired) {
                throw PonderException.invalid("%s: source %s is a %s but the plan has no %s backend", lp.file(), e.getKey().path(),
                        e.getKey().isBank() ? "bank" : "problem set", e.getKey().isBank() ? "replay" : "openai or anthropic");
            }
        }
        return out;
    }
}
