package dev.ponder.server.catalog;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.server.api.ApiFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The served models and the model-name grammar ({@code DESIGN.md}): {@code MODEL} is {@code single};
 * {@code STRATEGY:MODEL} runs a registered strategy, e.g. {@code vote@8:replay:math-qwen25-rm8}. A served name that
 * itself contains a colon wins over a split. The body's {@code ponder.strategy} may name the strategy instead.
 */
public final class Catalog {
    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private final StrategyRegistry strategies;

    /** A resolved request target. */
    public record Target(ServedModel model, Strategy strategy) {}

    public Catalog(List<ServedModel> served, StrategyRegistry strategies) {
        for (ServedModel m : served) {
            if (models.putIfAbsent(m.id(), m) != null) throw PonderException.invalid("model %s is served twice", m.id());
        }
        this.strategies = strategies;
    }

    public List<ServedModel> models() { return List.copyOf(models.values()); }

    /** Every model id and, after each, its strategy forms. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        for (ServedModel m : models.values()) out.add(m.id());
        for (ServedModel m : models.values()) {
            int n = m.listedSamples();
            for (String s : List.of("vote@" + n, "wvote@" + n, "best@" + n, "adaptive@" + Math.max(n, 8), "esc@4", "ac@0.95")) {
                out.add(s + ":" + m.id());
            }
        }
        return out;
    }

    public Target resolve(String model, Optional<String> bodyStrategy) {
        ServedModel exact = models.get(model);
        if (exact != null) return new Target(exact, bodyStrategy.map(s -> parse(s, "ponder.strategy")).orElse(Strategy.single()));
        int colon = model.indexOf(':');
        if (colon > 0) {
            ServedModel rest = models.get(model.substring(colon + 1));
            if (rest != null) {
                Strategy s = parse(model.substring(0, colon), "model");
                if (bodyStrategy.isPresent() && !parse(bodyStrategy.get(), "ponder.strategy").name().equals(s.name())) {
                    throw ApiFailure.field("ponder.strategy", "the model name asks for strategy " + s.name()
                            + " but ponder.strategy says " + bodyStrategy.get() + "; give one or make them agree");
                }
                return new Target(rest, s);
            }
        }
        List<String> some = models.keySet().stream().limit(8).toList();
        throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "model_not_found", "model \"" + model + "\" is not served; served models: "
                + String.join(", ", some) + (models.size() > some.size() ? ", ..." : "")
                + " (prefix one with a strategy, e.g. vote@8:" + (some.isEmpty() ? "MODEL" : some.getFirst()) + "; see GET /v1/models)")
                .withParam("model");
    }

    private Strategy parse(String spec, String field) {
        try {
            return strategies.parse(spec);
        } catch (PonderException e) {
            throw ApiFailure.field(field, e.getMessage());
        }
    }
}
