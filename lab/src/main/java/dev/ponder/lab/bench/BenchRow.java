package dev.ponder.lab.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One strategy on one bank, averaged over seeded permutations of each problem's samples. */
public record BenchRow(
        @JsonProperty("strategy") String strategy,
        @JsonProperty("family") String family,
        @JsonProperty("accuracy") double accuracy,
        @JsonProperty("ci_low") double ciLow,
        @JsonProperty("ci_high") double ciHigh,
        @JsonProperty("samples_per_problem") double samplesPerProblem,
        @JsonProperty("output_tokens_per_problem") double outputTokensPerProblem,
        @JsonProperty("cost_per_problem") double costPerProblem) {}
