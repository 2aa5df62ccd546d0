package dev.ponder.lab.plan;

import dev.ponder.core.model.Budget;
import java.util.Optional;

/** A per-problem budget: {@code dollars} and/or {@code tokens}; both absent means unlimited. */
public record BudgetSpec(Optional<Double> dollars, Optional<Long> tokens) {
    public static final BudgetSpec UNLIMITED = new BudgetSpec(Optional.empty(), Optional.empty());

    public BudgetSpec {
        dollars = dollars == null ? Optional.empty() : dollars;
        tokens = tokens == null ? Optional.empty() : tokens;
        dollars.ifPresent(d -> {
            if (!(d > 0)) throw new IllegalArgumentException("dollars must be > 0, was " + d);
        });
        tokens.ifPresent(t -> {
            if (t < 1) throw new IllegalArgumentException("tokens must be >= 1, was " + t);
        });
    }

    public Budget toBudget() {
        Budget b = Budget.UNLIMITED;
        if (dollars.isPresent()) b = b.withDollars(dollars.get());
        if (tokens.isPresent()) b = b.withTokens(tokens.get());
        return b;
    }

    /** A short label for tables and keys: {@code unlimited}, {@code $0.01}, {@code 2000tok}, {@code $0.01+2000tok}. */
    public String label() {
        if (dollars.isEmpty() && tokens.isEmpty()) return "unlimited";
        String d = dollars.map(x -> "$" + x).orElse("");
        String t = tokens.map(x -> x + "tok").orElse("");
        return d.isEmpty() ? t : t.isEmpty() ? d : d + "+" + t;
    }
}
