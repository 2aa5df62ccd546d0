package dev.ponder.core.calibrate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.strategy.stop.RuleFamily;
import dev.ponder.core.strategy.stop.StopRule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stopping rule fitted to a source, with what backs it. {@code rule} and {@code setting} say what {@code adaptive}
 * runs ({@code spec} writes it as {@code ac@0.85}, or "full budget (N)" when nothing earlier could be justified).
 * {@code selection} says how the setting was chosen: {@code ltt} (Learn then Test: {@code certified_bound} is at most
 * epsilon with probability 1 - delta on new questions exchangeable with the calibration ones) or {@code cross-fit}
 * (the fewest samples whose in-sample risk is within epsilon; {@code cross_fitted} gives that choice's figures on
 * folds left out, and {@code certified_bound} is a bound at delta that holds simultaneously for every setting of the
 * curve, so for the chosen one too). {@code observed_risk}, {@code mean_samples} and {@code saving} are measured on
 * the calibration questions (in-sample). The curve has every setting tried.
 */
public record Calibration(
        @JsonProperty("rule") String rule,
        @JsonProperty("setting") double setting,
        @JsonProperty("spec") String spec,
        @JsonProperty("weighted") boolean weighted,
        @JsonProperty("risk") String risk,
        @JsonProperty("epsilon") double epsilon,
        @JsonProperty("delta") double delta,
        @JsonProperty("selection") String selection,
        @JsonProperty("questions") int questions,
        @JsonProperty("observed_risk") double observedRisk,
        @JsonProperty("certified_bound") double certifiedBound,
        @JsonProperty("mean_samples") double meanSamples,
        @JsonProperty("full_budget") int fullBudget,
        @JsonProperty("saving") double saving,
        @JsonProperty("model") String model,
        @JsonProperty("answer_kind") String answerKind,
        @JsonProperty("dataset") Optional<String> dataset,
        @JsonProperty("data") String data,
        @JsonProperty("orders") int orders,
        @JsonProperty("seed") long seed,
        @JsonProperty("questions_needed") Optional<Integer> questionsNeeded,
        @JsonProperty("notes") List<String> notes,
        @JsonProperty("curve") List<Point> curve,
        @JsonProperty("cross_fitted") Optional<CrossFitted> crossFitted) {

    /** One setting tried: its in-sample risk and mean samples, its p-value for "risk > epsilon", and whether it was certified. */
    public record Point(
            @JsonProperty("rule") String rule,
            @JsonProperty("setting") double setting,
            @JsonProperty("spec") String spec,
            @JsonProperty("risk") double risk,
            @JsonProperty("mean_samples") double meanSamples,
            @JsonProperty("p_value") double pValue,
            @JsonProperty("certified") boolean certified) {}

    /** A cross-fitted choice's figures on the folds left out: risk, samples and, with labels, accuracy. */
    public record CrossFitted(
            @JsonProperty("folds") int folds,
            @JsonProperty("repeats") int repeats,
            @JsonProperty("risk") double risk,
            @JsonProperty("mean_samples") double meanSamples,
            @JsonProperty("accuracy") Optional<Double> accuracy,
            @JsonProperty("full_accuracy") Optional<Double> fullAccuracy) {}

    public Calibration {
        Objects.requireNonNull(spec, "spec");
        if (!"ltt".equals(selection) && !"cross-fit".equals(selection)) throw new IllegalArgumentException("selection must be ltt or cross-fit, was " + selection);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(answerKind, "answer_kind");
        dataset = dataset == null ? Optional.empty() : dataset;
        Objects.requireNonNull(data, "data");
        questionsNeeded = questionsNeeded == null ? Optional.empty() : questionsNeeded;
        notes = notes == null ? List.of() : List.copyOf(notes);
        curve = curve == null ? List.of() : List.copyOf(curve);
        crossFitted = crossFitted == null ? Optional.empty() : crossFitted;
        if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
        if (fullBudget < 1) throw new IllegalArgumentException("full_budget must be >= 1, was " + fullBudget);
        Risk.parse(Objects.requireNonNull(risk, "risk"));
        RuleFamily.named(Objects.requireNonNull(rule, "rule"), weighted).rule(setting);
    }

    /** The rule family named by {@link #rule}. */
    public RuleFamily family() { return RuleFamily.named(rule, weighted); }

    /** The stopping rule {@code adaptive} runs. */
    public StopRule stopRule() { return family().rule(setting); }

    /** True when the chosen setting stops before the full budget. */
    public boolean early() { return !family().full(setting, fullBudget); }

    /** The guarantee in words, e.g. "disagreement with the full budget <= 3.1% with 90% confidence". */
    public String guarantee() {
        String what = Risk.parse(risk) == Risk.DISAGREEMENT ? "disagreement with the full budget" : "accuracy lost";
        if (!early()) return "full budget: no risk taken";
        return String.format("%s <= %.2f%% with %.0f%% confidence (%s, %d questions)", what, 100 * certifiedBound, 100 * (1 - delta),
                selection.equals("ltt") ? "Learn then Test" : "simultaneous over the curve", questions);
    }
}
