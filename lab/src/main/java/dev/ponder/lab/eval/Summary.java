package dev.ponder.lab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.List;

/**
 * One row of a run's table: a strategy's accuracy with its 95% Wilson interval and its spend per problem (thinking
 * tokens are part of the output tokens, reported separately).
 */
public record Summary(
        @JsonProperty("strategy") String strategy,
        @JsonProperty("problems") int problems,
        @JsonProperty("accuracy") double accuracy,
        @JsonProperty("ci_low") double ciLow,
        @JsonProperty("ci_high") double ciHigh,
        @JsonProperty("samples_per_problem") double samplesPerProblem,
        @JsonProperty("output_tokens_per_problem") double outputTokensPerProblem,
        @JsonProperty("thinking_tokens_per_problem") double thinkingTokensPerProblem,
        @JsonProperty("cost_per_problem") double costPerProblem,
        @JsonProperty("stopped_early") int stoppedEarly) {

    public static Summary of(String strategy, List<ProblemOutcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) throw new IllegalArgumentException("no outcomes for " + strategy);
        long right = outcomes.stream().filter(ProblemOutcome::correct).count();
        Interval ci = Wilson.interval95(right, n);
        return new Summary(strategy, n, (double) right / n, ci.low(), ci.high(),
                outcomes.stream().mapToInt(ProblemOutcome::samples).average().orElse(0),
                outcomes.stream().mapToLong(ProblemOutcome::outputTokens).average().orElse(0),
                outcomes.stream().mapToLong(ProblemOutcome::reasoningTokens).average().orElse(0),
                outcomes.stream().mapToDouble(ProblemOutcome::dollars).average().orElse(0),
                (int) outcomes.stream().filter(o -> o.stop() != dev.ponder.core.strategy.StopReason.DONE).count());
    }
}
