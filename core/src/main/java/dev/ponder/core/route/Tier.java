package dev.ponder.core.route;

import dev.ponder.core.strategy.StrategySpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One option the router can choose: a strategy run on a model, written {@code strategy:model}
 * ({@code single:cheap}, {@code vote@8:cheap}, {@code adaptive:reasoning}). A bare model name means {@code single}.
 */
public record Tier(String strategy, String model) {
    private static final Pattern STRATEGY = Pattern.compile("[a-z]+(@[0-9]+)?");
    private static final String SINGLE = new StrategySpec.Single().written();
    private static final Pattern WRITTEN = Pattern.compile("([a-z]+(?:@[0-9]+)?):(.+)");

    public Tier {
        if (strategy == null || !STRATEGY.matcher(strategy).matches())
            throw new IllegalArgumentException("tier strategy must look like 'single' or 'vote@8', was '" + strategy + "'");
        if (model == null || model.isBlank())
            throw new IllegalArgumentException("tier model must not be blank (strategy '" + strategy + "')");
    }

    public static Tier single(String model) {
        return new Tier(SINGLE, model);
    }

    /** True for one plain sample ({@code single:model}, or a bare model name). */
    public boolean isSingle() { return strategy.equals(SINGLE); }

    /** {@code vote@8:cheap} to (vote@8, cheap); a name without a strategy prefix is {@code single:name}. */
    public static Tier parse(String written) {
        if (written == null || written.isBlank()) throw new IllegalArgumentException("tier must not be blank");
        Matcher m = WRITTEN.matcher(written.strip());
        return m.matches() ? new Tier(m.group(1), m.group(2)) : single(written.strip());
    }

    public String name() {
        return strategy + ":" + model;
    }

    @Override
    public String toString() {
        return name();
    }
}
