package dev.ponder.lab.plan;

import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.eval.Sampling;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An experiment plan: the cross product of sources x (backend, model) x strategies x budgets x seeds. Banks pair
 * with replay backends, problem sets with live ones. Read from YAML or JSON by {@link PlanReader}; field names are
 * snake_case ({@code max_dollars}). {@code calibration} (a file from {@code ponder calibrate}, relative to the plan) is
 * what the plan's {@code adaptive} entries run; without it they use the shipped defaults. {@code checker} names the
 * checker that {@code verify@K} needs (and {@code refine@R} and {@code cascade} use), as {@link CheckerSpec} reads it,
 * with optional {@code checker_noise} ({@code FP,FN}); {@code max_tokens}, {@code temperature} and {@code top_p} go
 * into every live call. {@code otlp} is a collector's OTLP/HTTP URL: the run is then traced there.
 */
public record Plan(String name, List<SourceSpec> sources, List<BackendSpec> backends, List<String> strategies,
                   List<BudgetSpec> budgets, List<Long> seeds, Optional<Double> maxDollars, Optional<String> store,
                   Optional<String> calibration, Optional<String> checker, Optional<String> checkerNoise,
                   Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP, Optional<String> otlp) {
    public Plan {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', was " + (name == null ? "missing" : "\"" + name + "\""));
        }
        if (sources == null || sources.isEmpty()) throw new IllegalArgumentException("sources: need at least one bank or problem set");
        if (strategies == null || strategies.isEmpty()) throw new IllegalArgumentException("strategies: need at least one, e.g. [single, vote@5]");
        if (hasEmpty(sources) || hasEmpty(backends) || hasEmpty(strategies) || hasEmpty(budgets) || hasEmpty(seeds)) {
            throw new IllegalArgumentException("sources, backends, strategies, budgets and seeds may not have empty entries");
        }
        backends = backends == null || backends.isEmpty() ? List.of(BackendSpec.replay()) : List.copyOf(backends);
        sources = List.copyOf(sources);
        strategies = List.copyOf(strategies);
        budgets = budgets == null || budgets.isEmpty() ? List.of(BudgetSpec.UNLIMITED) : List.copyOf(budgets);
        seeds = seeds == null || seeds.isEmpty() ? List.of(0L) : List.copyOf(seeds);
        maxDollars = maxDollars == null ? Optional.empty() : maxDollars;
        maxDollars.ifPresent(d -> {
            if (!(d > 0) || d.isInfinite()) throw new IllegalArgumentException("max_dollars must be > 0 and finite, was " + d);
        });
        store = store == null ? Optional.empty() : store;
        calibration = calibration == null ? Optional.empty() : calibration;
        calibration.ifPresent(c -> {
            if (!c.endsWith(".json")) throw new IllegalArgumentException("calibration must be a .json file from ponder calibrate, was \"" + c + "\"");
        });
        checker = checker == null ? Optional.empty() : checker;
        checkerNoise = checkerNoise == null ? Optional.empty() : checkerNoise;
        checker.ifPresent(CheckerSpec::parse);
        if (checkerNoise.isPresent() && checker.isEmpty()) throw new IllegalArgumentException("checker_noise needs a checker");
        checkerNoise.ifPresent(n -> CheckerSpec.noisy(Verifier.exact(), n, new SplittableRandom(0)));
        new Sampling(maxTokens, temperature, topP);
        maxTokens = maxTokens == null ? Optional.empty() : maxTokens;
        temperature = temperature == null ? Optional.empty() : temperature;
        topP = topP == null ? Optional.empty() : topP;
        otlp = otlp == null ? Optional.empty() : otlp;
        otlp.ifPresent(u -> {
            if (!u.matches("https?://[^/\\s]+.*")) throw new IllegalArgumentException("otlp must be a collector's http:// or https:// URL, was \"" + u + "\"");
        });
        for (BackendSpec b : backends) {
            if (backends.stream().filter(o -> o.name().equals(b.name())).count() > 1) {
                throw new IllegalArgumentException("backends: name \"" + b.name() + "\" is used twice");
            }
        }
    }

    /** A plan with no calibration file, no checker and the servers' default sampling. */
    public Plan(String name, List<SourceSpec> sources, List<BackendSpec> backends, List<String> strategies,
                List<BudgetSpec> budgets, List<Long> seeds, Optional<Double> maxDollars, Optional<String> store) {
        this(name, sources, backends, strategies, budgets, seeds, maxDollars, store, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static boolean hasEmpty(List<?> list) { return list != null && list.stream().anyMatch(Objects::isNull); }

    /** The sampling settings every live call of the plan uses. */
    public Sampling sampling() { return new Sampling(maxTokens, temperature, topP); }
}
