package dev.ponder.lab.cost;

import dev.ponder.core.json.BadField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A class of queries in a workload: how many (a share of the month's queries and/or a monthly count), how fast
 * they must be answered, and what answers them: one tier, or the router's tiers with the share each gets.
 */
record QueryClass(String name, Optional<String> description, Optional<Double> share, Optional<Double> monthlyQueries,
                         Optional<String> deadline, Optional<String> tier, List<RoutedTier> router, Optional<Assumption> assume) {
    private static final Pattern DURATION = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(ms|s|sec|m|min|h|hr|d)?");

    public QueryClass {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new BadField("name", "a class needs a name of letters, digits, '.', '_' or '-', was " + (name == null ? "missing" : "\"" + name + "\""));
        }
        description = description == null ? Optional.empty() : description;
        share = share == null ? Optional.empty() : share;
        monthlyQueries = monthlyQueries == null ? Optional.empty() : monthlyQueries;
        deadline = deadline == null ? Optional.empty() : deadline;
        tier = tier == null ? Optional.empty() : tier;
        router = router == null ? List.of() : List.copyOf(router);
        assume = assume == null ? Optional.empty() : assume;
        share.ifPresent(s -> {
            if (!(s >= 0 && s <= 1)) throw new BadField("share", "must be in [0, 1], was " + s);
        });
        monthlyQueries.ifPresent(v -> {
            if (!(v >= 0) || Double.isInfinite(v)) throw new BadField("monthly_queries", "must be a number >= 0, was " + v);
        });
        deadline.ifPresent(QueryClass::seconds);
        if (tier.isPresent() == !router.isEmpty()) {
            throw new BadField(tier.isPresent() ? "router" : "tier", "give either tier: STRATEGY:MODEL (e.g. vote@5:gpt-4o-mini) or router: a list of"
                    + " {tier, share}, " + (tier.isPresent() ? "not both" : "neither was given"));
        }
        tier.ifPresent(t -> {
            try {
                TierSpec.parse(t);
            } catch (IllegalArgumentException e) {
                throw new BadField("tier", e.getMessage());
            }
        });
        checkRouter(router);
        if (assume.isPresent() && assume.get().samples().isEmpty()) {
            for (TierSpec t : specs(tier, router)) {
                if (t.fixedSamples().isEmpty()) {
                    throw new BadField("assume.samples", t.strategy() + " draws a variable number of samples: give the expected samples per query");
                }
            }
        }
    }

    private static void checkRouter(List<RoutedTier> router) {
        if (router.isEmpty()) return;
        double sum = router.stream().mapToDouble(RoutedTier::share).sum();
        if (Math.abs(sum - 1) > 1e-6) {
            throw new BadField("router", String.format(Locale.ROOT, "the router tiers' shares sum to %.6g, they must sum to 1", sum));
        }
        for (int i = 0; i < router.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (router.get(i).spec().equals(router.get(j).spec())) {
                    throw new BadField("router[" + i + "].tier", "tier " + router.get(i).spec() + " is listed twice");
                }
            }
        }
    }

    /** The tiers answering this class, each with the share of its queries. */
    public List<RoutedTier> mix() {
        return tier.map(t -> List.of(new RoutedTier(t, 1.0))).orElse(router);
    }

    /** The deadline in seconds, when there is one. */
    public OptionalDouble deadlineSeconds() {
        return deadline.map(d -> OptionalDouble.of(seconds(d))).orElse(OptionalDouble.empty());
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1.5h}, {@code 1d}, or a bare number of seconds. */
    static double seconds(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new BadField("deadline", "write a duration such as 500ms, 30s, 5m, 2h or 1d, was \"" + text + "\"");
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double perUnit = switch (unit) {
            case "ms" -> 1e-3;
            case "m", "min" -> 60;
            case "h", "hr" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
        if (!(v > 0)) throw new BadField("deadline", "must be > 0, was \"" + text + "\"");
        return v * perUnit;
    }

    /** The tiers of {@link #mix()}, parsed. */
    public List<TierSpec> tiers() { return specs(tier, router); }

    private static List<TierSpec> specs(Optional<String> tier, List<RoutedTier> router) {
        List<TierSpec> out = new ArrayList<>();
        tier.ifPresent(t -> out.add(TierSpec.parse(t)));
        for (RoutedTier r : router) out.add(r.spec());
        return out;
    }
}
