package dev.ponder.lab.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.calibrate.Calibrator;
import dev.ponder.core.calibrate.HeldOut;
import dev.ponder.core.calibrate.Losses;
import dev.ponder.core.calibrate.Questions;
import dev.ponder.core.calibrate.Risk;
import dev.ponder.core.calibrate.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench strategies --cross-fit K}: how {@code adaptive}'s calibration does on problems it was not calibrated on.
 * The bank's problems are split into K folds ({@code repeats} seeded partitions); each fold in turn is left out, the
 * rule is calibrated on the others and measured on it. Rows: the full budget; Learn then Test at each epsilon (the
 * {@code ponder calibrate} procedure); and the shipped default's selection (fewest samples with in-sample accuracy lost
 * within the tolerance). Figures pool every left-out problem over the same sample orders the bench replays.
 */
public record CrossFitBench(int folds, int repeats, int orders, long seed, double delta, List<Double> epsilons, double tolerance) {

    /** One way of calibrating, judged on the folds left out. */
    public record Row(
            @JsonProperty("method") String method,
            @JsonProperty("risk") String risk,
            @JsonProperty("epsilon") double epsilon,
            @JsonProperty("accuracy") Optional<Double> accuracy,
            @JsonProperty("samples_per_problem") double samples,
            @JsonProperty("realised_risk") double realisedRisk,
            @JsonProperty("folds_exceeding_epsilon") int exceeded,
            @JsonProperty("folds_evaluated") int evaluated,
            @JsonProperty("chosen") Map<String, Integer> chosen) {}

    public record Table(
            @JsonProperty("bank") String bank,
            @JsonProperty("problems") int problems,
            @JsonProperty("folds") int folds,
            @JsonProperty("repeats") int repeats,
            @JsonProperty("orders") int orders,
            @JsonProperty("delta") double delta,
            @JsonProperty("full_budget") int budget,
            @JsonProperty("full_accuracy") Optional<Double> fullAccuracy,
            @JsonProperty("full_samples") double fullSamples,
            @JsonProperty("rows") List<Row> rows) {}

    public CrossFitBench {
        epsilons = List.copyOf(epsilons);
        if (epsilons.isEmpty()) throw new IllegalArgumentException("need at least one epsilon");
    }

    public Table run(Bank bank, Risk risk) {
        Calibrator calibrator = new Calibrator(orders, seed);
        var questions = Questions.of(bank);
        int budget = bank.maxSamplesPerProblem();
        Losses losses = calibrator.measure(questions, risk, budget);
        List<HeldOut.Pair> pairs = HeldOut.folds(losses.questions(), folds, repeats, seed);
        List<Row> rows = new ArrayList<>();
        for (double eps : epsilons) {
            rows.add(row("learn-then-test", losses, pairs, Selector.learnThenTest(eps, delta), eps));
        }
        if (losses.labelled()) {
            Losses accuracy = risk == Risk.ACCURACY ? losses : calibrator.measure(questions, Risk.ACCURACY, budget);
            rows.add(row("default selection", accuracy, pairs, Selector.crossFitted(tolerance, 5, 20, seed), tolerance));
        }
        int[] all = losses.all();
        Optional<Double> full = losses.labelled() ? Optional.of(losses.fullAccuracy(all)) : Optional.empty();
        double fullSamples = losses.samples(0, all);
        return new Table(bank.name(), losses.questions(), folds, repeats, orders, delta, budget, full, fullSamples, rows);
    }

    private static Row row(String method, Losses l, List<HeldOut.Pair> pairs, Selector selector, double eps) {
        HeldOut.Result r = HeldOut.evaluate(l, pairs, selector, eps);
        return new Row(method, l.risk().label(), eps, r.accuracy(), r.samples(), r.risk(), r.exceeded(), r.pairs(), r.chosen());
    }
}
