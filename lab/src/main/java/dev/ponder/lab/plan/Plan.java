package dev.ponder.lab.plan;

import java.util.List;
import java.util.Optional;

/**
 * An experiment plan: the cross product of sources x (backend, model) x strategies x budgets x seeds. Banks pair
 * with replay backends, problem sets with live ones. Read from YAML or JSON by {@link PlanReader}; field names are
 * snake_case ({@code max_dollars}). {@code calibration} (a file from {@code ponder calibrate}, relative to the plan) is
 * what the plan's {@code adaptive} entries run; without it they use the shipped defaults.
 */
public record Plan(String name, List<SourceSpec> sources, List<BackendSpec> backends, List<String> strategies,
                   List<BudgetSpec> budgets, List<Long> seeds, Optional<Double> maxDollars, Optional<String> store,
                   Optional<String> calibration) {
    public Plan {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', was " + (name == null ? "missing" : "\"" + name + "\""));
        }
        if (sources == null || sources.isEmpty()) throw new IllegalArgumentException("sources: need at least one bank or problem set");
        backends = backends == null || backends.isEmpty() ? List.of(BackendSpec.replay()) : List.copyOf(backends);
        if (strategies == null || strategies.isEmpty()) throw new IllegalArgumentException("strategies: need at least one, e.g. [single, vote@5]");
        sources = List.copyOf(sources);
        strategies = List.copyOf(strategies);
        budgets = budgets == null || budgets.isEmpty() ? List.of(BudgetSpec.UNLIMITED) : List.copyOf(budgets);
        seeds = seeds == null || seeds.isEmpty() ? List.of(0L) : List.copyOf(seeds);
        maxDollars = maxDollars == null ? Optional.empty() : maxDollars;
        maxDollars.ifPresent(d -> {
            if (!(d > 0)) throw new IllegalArgumentException("max_dollars must be > 0, was " + d);
        });
        store = store == null ? Optional.empty() : store;
        calibration = calibration == null ? Optional.empty() : calibration;
        calibration.ifPresent(c -> {
            if (!c.endsWith(".json")) throw new IllegalArgumentException("calibration must be a .json file from ponder calibrate, was \"" + c + "\"");
        });
        for (BackendSpec b : backends) {
            if (backends.stream().filter(o -> o.name().equals(b.name())).count() > 1) {
                throw new IllegalArgumentException("backends: name \"" + b.name() + "\" is used twice");
            }
        }
    }
}
