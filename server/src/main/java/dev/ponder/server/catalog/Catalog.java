package dev.ponder.server.catalog;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.route.AutoRoute;
import dev.ponder.server.route.Routed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The served models and the model-name grammar ({@code DESIGN.md}): {@code MODEL} is {@code single};
 * {@code STRATEGY:MODEL} runs a registered strategy, e.g. {@code vote@8:replay:math-qwen25-rm8}. A served name that
 * itself contains a colon wins over a split. The body's {@code ponder.strategy} may name the strategy instead.
 * {@code cascade[@V]:a>b[>c]} runs a cascade over served upstream models, cheapest first; {@code auto} asks the router.
 */
public final class Catalog {
    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private final StrategyRegistry strategies;
    private final Optional<AutoRoute> auto;

    /** A resolved request target; {@code route} says why, when the router chose it ({@code auto}). */
    public record Target(ServedModel model, Strategy strategy, Optional<Routed> route) {
        public Target(ServedModel model, Strategy strategy) { this(model, strategy, Optional.empty()); }

        /** One plain sample per choice, no strategy: the registry's {@code single}, however it was named. */
        public boolean single() { return strategy.equals(Strategy.single()); }
    }

    public Catalog(List<ServedModel> served, StrategyRegistry strategies) {
        this(served, strategies, Optional.empty());
    }

    /** With {@code auto}: every router tier's target must resolve to a served model (else a config error). */
    public Catalog(List<ServedModel> served, StrategyRegistry strategies, Optional<AutoRoute> auto) {
        for (ServedModel m : served) {
            if (models.putIfAbsent(m.id(), m) != null) throw PonderException.invalid("model %s is served twice", m.id());
        }
        this.strategies = strategies;
        this.auto = auto;
        if (auto.isPresent() && models.containsKey(AutoRoute.MODEL)) throw PonderException.invalid("a served model is named auto, which the router answers");
        auto.ifPresent(a -> a.targets().forEach((tier, target) -> {
            try {
                resolve(target, Optional.empty());
            } catch (RuntimeException e) {
                throw PonderException.invalid("router.tiers.%s: target %s does not resolve: %s", tier, target, e.getMessage());
            }
        }));
    }

    /** The request's target: its model name, or for {@code auto} the router's choice for the last user message. */
    public Target resolve(ChatRequest request) {
        if (!request.model().equals(AutoRoute.MODEL) || models.containsKey(AutoRoute.MODEL)) return thinking(resolve(request.model(), request.strategy()), request);
        AutoRoute a = auto.orElseThrow(() -> ApiFailure.field("model", "model auto needs a router, and this proxy has none: train one with"
                + " `ponder route train --outcomes DIR --out router.json`, then add to the serve config: router: {model: router.json,"
                + " knob: {lambda: 100}, tiers: {TIER: SERVED_MODEL}} (docs/proxy.md)"));
        if (request.strategy().isPresent()) {
            throw ApiFailure.field("ponder.strategy", "model auto lets the router choose strategy and model; drop ponder.strategy or name a model");
        }
        if (request.lastUserMessage().isBlank()) {
            throw ApiFailure.field("messages", "model auto routes on the last user message, and there is none (or it is blank)");
        }
        Routed r = a.route(request.lastUserMessage());
        Target t = resolve(r.chosen().target(), Optional.empty());
        return new Target(t.model(), t.strategy(), Optional.of(r));
    }

    /** A plain upstream model asked to think within T tokens (Anthropic's {@code thinking}) runs {@code think@T}. */
    private Target thinking(Target t, ChatRequest request) {
        if (!t.single() || request.thinking().isEmpty() || !(t.model() instanceof UpstreamModel)) return t;
        return new Target(t.model(), parse("think@" + request.thinking().get(), "thinking.budget_tokens"), t.route());
    }

    public List<ServedModel> models() { return List.copyOf(models.values()); }

    /** Every model id and, after each, its strategy forms. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        if (auto.isPresent() && !models.containsKey(AutoRoute.MODEL)) out.add(AutoRoute.MODEL);
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
            if (model.indexOf('>', colon) > 0) return cascade(model.substring(0, colon), model.substring(colon + 1), bodyStrategy);
        }
        List<String> some = models.keySet().stream().limit(8).toList();
        throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "model_not_found", "model \"" + model + "\" is not served; served models: "
                + String.join(", ", some) + (models.size() > some.size() ? ", ..." : "")
                + " (prefix one with a strategy, e.g. vote@8:" + (some.isEmpty() ? "MODEL" : some.getFirst()) + "; see GET /v1/models)")
                .withParam("model");
    }

    /** {@code cascade[@V]:a>b[>c]}: every tier must be a served upstream model. */
    private Target cascade(String spec, String list, Optional<String> bodyStrategy) {
        Strategy s = parse(spec, "model");
        if (!s.name().startsWith("cascade")) {
            throw ApiFailure.field("model", "a tier list (" + list + ") needs the cascade strategy, e.g. cascade:" + list + "; " + spec + " runs on one model");
        }
        if (bodyStrategy.isPresent() && !parse(bodyStrategy.get(), "ponder.strategy").name().equals(s.name())) {
            throw ApiFailure.field("ponder.strategy", "the model name asks for strategy " + s.name() + " but ponder.strategy says "
                    + bodyStrategy.get() + "; give one or make them agree");
        }
        List<UpstreamModel> tiers = new ArrayList<>();
        for (String written : list.split(">", -1)) {
            String tier = written.strip();
            ServedModel m = models.get(tier);
            if (!(m instanceof UpstreamModel u)) {
                throw ApiFailure.field("model", "cascade tier \"" + tier + "\" " + (m == null ? "is not served" : "is a replayed bank")
                        + "; cascade tiers must be served upstream models: " + String.join(", ", upstreamIds()));
            }
            if (tiers.contains(u)) throw ApiFailure.field("model", "cascade tier \"" + tier + "\" is listed twice in " + list);
            tiers.add(u);
        }
        return new Target(CascadeModel.of(tiers), s);
    }

    private List<String> upstreamIds() {
        return models.values().stream().filter(m -> m instanceof UpstreamModel).map(ServedModel::id).toList();
    }

    private Strategy parse(String spec, String field) {
        try {
            return strategies.parse(spec);
        } catch (PonderException e) {
            throw ApiFailure.field(field, e.getMessage());
        }
    }
}
