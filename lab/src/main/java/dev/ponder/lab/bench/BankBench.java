package dev.ponder.lab.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A bank's bench table and its efficiency line: the reference is the vote over all samples; the best baseline is
 * the published rule with the fewest samples whose accuracy is within {@code tolerance} of it; the target Ponder's rule
 * must come within the tolerance of is the better of the reference and the weighted vote over all samples.
 */
public record BankBench(
        @JsonProperty("bank") String bank,
        @JsonProperty("problems") int problems,
        @JsonProperty("permutations") int permutations,
        @JsonProperty("rows") List<BenchRow> rows,
        @JsonProperty("efficiency") Efficiency efficiency,
        @JsonProperty("allocation") List<Allocation> allocation) {

    /** Uniform vote@N beside compute-optimal allocation: accuracy at the same samples, and the saving at equal accuracy. */
    public record Allocation(
            @JsonProperty("uniform") String uniform,
            @JsonProperty("uniform_accuracy") double uniformAccuracy,
            @JsonProperty("samples_per_problem") double samples,
            @JsonProperty("optimal_accuracy_at_same_samples") Optional<Double> optimalAtSame,
            @JsonProperty("optimal_matching") Optional<String> optimalMatching,
            @JsonProperty("sample_saving") Optional<Double> saving) {}

    public record Efficiency(
            @JsonProperty("reference") String reference,
            @JsonProperty("reference_accuracy") double referenceAccuracy,
            @JsonProperty("target") String target,
            @JsonProperty("target_accuracy") double targetAccuracy,
            @JsonProperty("best_baseline") Optional<String> bestBaseline,
            @JsonProperty("best_baseline_samples") Optional<Double> bestBaselineSamples,
            @JsonProperty("ponder") String ponder,
            @JsonProperty("ponder_accuracy") double ponderAccuracy,
            @JsonProperty("ponder_samples") double ponderSamples,
            @JsonProperty("sample_ratio") Optional<Double> sampleRatio,
            @JsonProperty("goal_met") boolean goalMet) {}
}
