package dev.ponder.server.route;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Choice;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code auto} model: asks a trained {@link Router} for a tier for the last user message and names the served
 * target that runs it. Target knobs (dollars per query, strong share) are calibrated once, at start, into a lambda.
 */
public final class AutoRoute {
    /** The model name clients send. */
    public static final String MODEL = "auto";
    /** A query for turning the knob into a lambda at start (embedding predictors refuse blank text). */
    private static final String PROBE = "What is two plus two?";
    private final Router router;
    private final Knob.Lambda knob;
    private final Map<Tier, String> targets;

    private AutoRoute(Router router, Knob.Lambda knob, Map<Tier, String> targets) {
        this.router = router;
        this.knob = knob;
        this.targets = targets;
    }

    /**
     * {@code tiers} maps the router's tier names (as written in its outcome table, {@code gpt-4o-mini} meaning
     * {@code single:gpt-4o-mini}) to served targets; an unmapped tier runs the served model named like it.
     */
    public static AutoRoute of(Router router, Knob knob, Map<String, String> tiers) {
        List<Tier> known = router.predictor().tiers();
        Map<Tier, String> targets = new LinkedHashMap<>();
        for (Tier t : known) targets.put(t, t.isSingle() ? t.model() : t.name());
        for (var e : tiers.entrySet()) {
            Tier t = parse(e.getKey());
            if (!targets.containsKey(t)) {
                throw PonderException.invalid("router.tiers.%s: the router has no such tier; its tiers: %s", e.getKey(), names(known));
            }
            targets.put(t, e.getValue());
        }
        double lambda;
        try {
            lambda = router.choose(PROBE, knob).lambda();
        } catch (IllegalStateException e) {
            throw PonderException.invalid("router.knob: %s (this router file has no held-out estimates; give {lambda: X})", e.getMessage());
        }
        return new AutoRoute(router, new Knob.Lambda(lambda), Map.copyOf(targets));
    }

    private static Tier parse(String written) {
        try {
            return Tier.parse(written);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("router.tiers.%s: %s", written, e.getMessage());
        }
    }

    /** Tier name to served target, in the router's order (checked against the catalog at start). */
    public Map<String, String> targets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tier t : router.predictor().tiers()) out.put(t.name(), targets.get(t));
        return out;
    }

    /** The router's choice for {@code query} (not blank: embedding predictors refuse it). */
    public Routed route(String query) {
        if (query.isBlank()) throw new IllegalArgumentException("the router needs a non-blank query");
        Choice c = router.choose(query, knob);
        List<Tier> tiers = router.predictor().tiers();
        List<Routed.Option> options = new ArrayList<>();
        Routed.Option chosen = null;
        for (int i = 0; i < tiers.size(); i++) {
            Routed.Option o = new Routed.Option(tiers.get(i), targets.get(tiers.get(i)), c.estimates().get(i));
            options.add(o);
            if (tiers.get(i).equals(c.tier())) chosen = o;
        }
        if (chosen == null) throw new PonderException(PonderException.Kind.INTERNAL, "router chose " + c.tier() + ", not one of its tiers " + tiers);
        return new Routed(chosen, c.lambda(), options);
    }

    private static String names(List<Tier> tiers) {
        return String.join(", ", tiers.stream().map(Tier::name).toList());
    }
}
