package dev.ponder.lab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.StopReason;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row of a run's table: a strategy's accuracy with its 95% Wilson interval and its spend per problem (thinking
 * tokens are part of the output tokens, reported separately). Problems whose calls failed after their retries are
 * counted apart ({@code failed}, by error kind, with one message): accuracy is over the problems that did not fail
 * (none: no accuracy, written null), spend is over all problems, since failed calls may still have cost.
 */
public record Summary(
        @JsonProperty("strategy") String strategy,
        @JsonProperty("problems") int problems,
        @JsonProperty("failed") int failed,
        @JsonProperty("accuracy") @JsonSerialize(using = NanAsNull.class) double accuracy,
        @JsonProperty("ci_low") @JsonSerialize(using = NanAsNull.class) double ciLow,
        @JsonProperty("ci_high") @JsonSerialize(using = NanAsNull.class) double ciHigh,
        @JsonProperty("samples_per_problem") double samplesPerProblem,
        @JsonProperty("output_tokens_per_problem") double outputTokensPerProblem,
        @JsonProperty("thinking_tokens_per_problem") double thinkingTokensPerProblem,
        @JsonProperty("cost_per_problem") double costPerProblem,
        @JsonProperty("stopped_early") int stoppedEarly,
        @JsonProperty("failures") Map<String, Integer> failures,
        @JsonProperty("failure_example") Optional<String> failureExample,
        @JsonProperty("think_routes") List<String> thinkRoutes) {

    public Summary {
        failures = Map.copyOf(failures);
        thinkRoutes = List.copyOf(thinkRoutes);
    }

    public static Summary of(String strategy, List<ProblemOutcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) throw new IllegalArgumentException("no outcomes for " + strategy);
        List<ProblemOutcome> done = outcomes.stream().filter(o -> !o.failed()).toList();
        long right = done.stream().filter(ProblemOutcome::correct).count();
        Optional<Interval> ci = done.isEmpty() ? Optional.empty() : Optional.of(Wilson.interval95((double) right, done.size()));
        Map<String, Integer> kinds = new TreeMap<>();
        outcomes.stream().filter(ProblemOutcome::failed).forEach(o -> kinds.merge(o.failure().map(f -> f.kind().name()).orElse("UNKNOWN"), 1, Integer::sum));
        Optional<String> example = outcomes.stream().filter(ProblemOutcome::failed).flatMap(o -> o.failure().stream()).findFirst()
                .map(Failure::written);
        return new Summary(strategy, n, n - done.size(), ci.map(Interval::estimate).orElse(Double.NaN), ci.map(Interval::low).orElse(Double.NaN),
                ci.map(Interval::high).orElse(Double.NaN),
                outcomes.stream().mapToInt(ProblemOutcome::samples).average().orElse(0),
                outcomes.stream().mapToLong(ProblemOutcome::outputTokens).average().orElse(0),
                outcomes.stream().mapToLong(ProblemOutcome::reasoningTokens).average().orElse(0),
                outcomes.stream().mapToDouble(ProblemOutcome::dollars).average().orElse(0),
                (int) outcomes.stream().filter(o -> o.stop() != StopReason.DONE).count(),
                kinds, example, outcomes.stream().flatMap(o -> o.thinkRoute().stream()).distinct().sorted().toList());
    }

    /** True when every problem failed: there is no accuracy to report. */
    public boolean allFailed() { return failed == problems; }
}
