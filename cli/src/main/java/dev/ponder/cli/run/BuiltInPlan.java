package dev.ponder.cli.run;

import dev.ponder.cli.Home;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.plan.BackendSpec;
import dev.ponder.lab.plan.BudgetSpec;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.Plan;
import dev.ponder.lab.plan.SourceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The plan {@code ponder run} runs with no arguments: the development banks (../shared/banks, else the shipped
 * copies) replayed with single, vote@5, vote@N-max and adaptive; {@code --strategy}, {@code --seed},
 * {@code --order}, {@code --limit} and the budget options change it.
 */
final class BuiltInPlan {
    static final List<String> STRATEGIES = List.of("single", "vote@5", "vote@N-max", "adaptive");

    private BuiltInPlan() {}

    static LoadedPlan offline(List<String> strategies, long seed, String order, Optional<Integer> limit,
                              Optional<Double> dollars, Optional<Long> tokens, Optional<String> checker, Optional<String> checkerNoise) {
        if (!order.equals("shuffled") && !order.equals("recorded")) {
            throw PonderException.invalid("--order must be shuffled or recorded, was \"%s\"", order);
        }
        List<SourceSpec> sources = Home.defaultBanks().stream()
                .map(p -> new SourceSpec(Optional.of(p.toAbsolutePath().toString()), Optional.empty(), limit, Optional.empty())).toList();
        BackendSpec replay = new BackendSpec(order.equals("recorded") ? "replay-recorded" : "replay", "replay", Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(order), Optional.empty());
        Plan plan;
        try {
            plan = new Plan("offline", sources, List.of(replay), strategies.isEmpty() ? STRATEGIES : strategies,
                    List.of(new BudgetSpec(dollars, tokens)), List.of(seed), Optional.empty(), Optional.empty(), Optional.empty(), checker, checkerNoise,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s", e.getMessage());
        }
        Path here = Path.of("").toAbsolutePath();
        return new LoadedPlan(here.resolve("<built-in offline plan>"), here, plan, Integer.toHexString(plan.hashCode()));
    }
}
