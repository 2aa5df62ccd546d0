package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Router;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.verify.Verifier;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link Ponder.Builder#build} hands the engine: a snapshot, so a builder changed or reused afterwards does not
 * reach an engine built from it. {@code models} keeps the order backends were added in (the first is the default);
 * {@code owned} are the clients the engine made and closes.
 */
record EngineSettings(Map<String, Supplier<Backend>> backends, List<String> models, PriceCatalogue prices, Optional<Router> router,
                      Knob knob, Policy defaultPolicy, InstantSource clock, long seed, StrategyRegistry strategies, AnswerExtractor extractor,
                      Optional<Grouping> semantic, int concurrency, Optional<Verifier> checker, Telemetry telemetry,
                      List<AutoCloseable> owned) {
    EngineSettings {
        backends = Map.copyOf(backends);
        models = List.copyOf(models);
        owned = List.copyOf(owned);
    }

    /** Refuses, before any call, a strategy that cannot run without a checker when the engine has none. */
    void requireChecker(Strategy strategy, Policy policy) {
        if (strategy.needsChecker() && checker().isEmpty()) {
            throw PonderException.invalid("policy %s needs a checker (a verifier that judges answers without the reference): build the engine"
                    + " with checker(v), e.g. checker(Verifier.game24()); named checkers: CheckerSpec.parse(NAME).create(resources)", policy);
        }
    }

    /** The policy's model (the first one by default), each tier of a cascade checked to have a backend. */
    String resolveModel(Policy policy) {
        String model = policy.model().orElse(models().getFirst());
        for (String tier : model.split(">")) {
            if (!backends().containsKey(tier.strip())) {
                throw new PonderException(PonderException.Kind.NOT_FOUND, "policy " + policy + ": no backend for model \"" + tier.strip()
                        + "\"; this engine has: " + String.join(", ", models()));
            }
        }
        return model;
    }
}
