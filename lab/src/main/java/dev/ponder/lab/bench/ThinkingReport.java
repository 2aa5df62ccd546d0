package dev.ponder.lab.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What {@link ThinkingBench} measured: the natural chain, how well think@T held each budget, and each matched pair. */
public record ThinkingReport(
        @JsonProperty("problems") int problems,
        @JsonProperty("model") String model,
        @JsonProperty("natural") Arm natural,
        @JsonProperty("budgets") List<Hold> budgets,
        @JsonProperty("matches") List<Match> matches,
        @JsonProperty("domains") List<Domain> domains) {

    public ThinkingReport {
        budgets = List.copyOf(budgets);
        matches = List.copyOf(matches);
        domains = List.copyOf(domains);
    }

    /** One strategy over the problems: accuracy with its 95% Wilson interval and the mean spend per problem. */
    public record Arm(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("accuracy") double accuracy,
            @JsonProperty("ci_low") double ciLow,
            @JsonProperty("ci_high") double ciHigh,
            @JsonProperty("output_tokens") double outputTokens,
            @JsonProperty("thinking_tokens") double thinkingTokens,
            @JsonProperty("cost_per_problem") double costPerProblem) { }

    /** How think@T held its budget: thinking tokens per chain, and the share of chains within 10% of T. */
    public record Hold(
            @JsonProperty("budget") int budget,
            @JsonProperty("mean_thinking_tokens") double meanThinking,
            @JsonProperty("min_thinking_tokens") long minThinking,
            @JsonProperty("max_thinking_tokens") long maxThinking,
            @JsonProperty("within_10pct") double within10,
            @JsonProperty("mean_waits") double meanWaits,
            @JsonProperty("mean_calls") double meanCalls) { }

    /**
     * think@T against vote@N at matched output tokens (N = think@T's output tokens / a natural sample's, rounded, at
     * least 1). {@code tokenRatio} is vote's output tokens over think's: near 1 when matched, above 1 when the budget is
     * shorter than one natural sample (vote cannot spend less than one). {@code difference} is think minus vote
     * accuracy with a paired-bootstrap 95% interval; the winner is the side the interval excludes zero for, else
     * "neither (within noise)".
     */
    public record Match(
            @JsonProperty("budget") int budget,
            @JsonProperty("think") Arm think,
            @JsonProperty("vote") Arm vote,
            @JsonProperty("token_ratio") double tokenRatio,
            @JsonProperty("difference") double difference,
            @JsonProperty("diff_low") double diffLow,
            @JsonProperty("diff_high") double diffHigh,
            @JsonProperty("winner") String winner) { }

    /** The matched pairs on the problems of one domain. */
    public record Domain(
            @JsonProperty("domain") String domain,
            @JsonProperty("problems") int problems,
            @JsonProperty("matches") List<Match> matches) {
        public Domain {
            matches = List.copyOf(matches);
        }
    }
}
