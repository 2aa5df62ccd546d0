package dev.ponder.lab.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.stats.plan.Resampling;
import dev.ponder.stats.plan.TaskType;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Resampling with an imperfect verifier on a bank with an exact checker (Game of 24): {@code verify@K} where the
 * checker is the exact one made noisy (false-positive rate fp, false-negative rate fn). For each fp and K it measures
 * accuracy (right answer accepted), false acceptances and expected value for several false-positive costs, and sets
 * beside the sweep's best K the K that the fLaws model chooses from estimates alone: each problem's per-sample success
 * rate (from the bank's labels, used as a pilot), fp, fn and the cost (Stroebl et al. 2024).
 * One run of verify@Kmax per permutation gives every smaller K: verify@K is its prefix.
 */
public record NoisySweep(List<Double> falsePositiveRates, double falseNegativeRate, List<Double> costs, List<Integer> ks,
                         int permutations, long seed) {

    public record Point(@JsonProperty("false_positive_rate") double fp, @JsonProperty("k") int k,
                        @JsonProperty("accuracy") double accuracy, @JsonProperty("false_accept") double falseAccept,
                        @JsonProperty("expected_value") List<Double> expectedValue) {}

    public record Choice(@JsonProperty("false_positive_rate") double fp, @JsonProperty("cost") double cost,
                         @JsonProperty("sweep_best_k") int sweepBest, @JsonProperty("chooser_k") int chooser,
                         @JsonProperty("within_one_step") boolean withinOneStep, @JsonProperty("peaks_then_falls") boolean peaks) {}

    public record Sweep(@JsonProperty("bank") String bank, @JsonProperty("costs") List<Double> costs,
                        @JsonProperty("points") List<Point> points, @JsonProperty("choices") List<Choice> choices) {}

    public static NoisySweep standard(int permutations, long seed) {
        return new NoisySweep(List.of(0.0, 0.01, 0.02, 0.05, 0.1), 0.0, List.of(0.0, 0.5, 1.0, 2.0, 4.0),
                List.of(1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 100), permutations, seed);
    }

    public Sweep run(Bank bank) {
        int kmax = Math.min(ks.getLast(), bank.maxSamplesPerProblem());
        List<Integer> grid = ks.stream().filter(k -> k <= kmax).toList();
        int p = bank.problems().size();
        List<Point> points = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (double fp : falsePositiveRates) {
            double[] right = new double[grid.size()];
            double[] wrong = new double[grid.size()];
            for (int r = 0; r < permutations; r++) {
                long s = seed + r;
                Backend replay = Backend.replay(bank, Optional.of(s), PriceCatalogue.empty());
                Strategy strategy = Strategy.parse("verify@" + kmax);
                for (Problem problem : bank.problems()) {
                    Verifier noisy = Verifier.noisy(Verifier.game24(), fp, falseNegativeRate, new SplittableRandom(s * 31 + problem.id().hashCode()));
                    Evaluation eval = new Evaluation(bank.model(), AnswerExtractor.exact(), true, Grader.recordedThen((a, b) -> false),
                            Budget.UNLIMITED, s, 1, Evaluation.questionOnly(), InstantSource.system()).withChecker(noisy);
                    Result res = eval.solve(strategy, replay, problem);
                    if (!res.answered()) continue;
                    int at = res.samples().size();
                    boolean ok = res.chosen().flatMap(x -> x.recordedCorrect()).orElse(false);
                    for (int i = 0; i < grid.size(); i++) {
                        if (at <= grid.get(i)) {
                            if (ok) right[i]++;
                            else wrong[i]++;
                        }
                    }
                }
            }
            double n = (double) p * permutations;
            for (int i = 0; i < grid.size(); i++) {
                double acc = right[i] / n;
                double fa = wrong[i] / n;
                points.add(new Point(fp, grid.get(i), acc, fa, costs.stream().map(c -> acc - c * fa).toList()));
            }
            Resampling model = model(bank, fp);
            for (int ci = 0; ci < costs.size(); ci++) {
                final int c = ci;
                List<Point> curve = points.stream().filter(pt -> pt.fp() == fp).toList();
                double top = curve.stream().mapToDouble(pt -> pt.expectedValue().get(c)).max().orElseThrow();
                int bestIdx = 0;
                while (curve.get(bestIdx).expectedValue().get(c) < top - EPSILON) bestIdx++;
                int chosen = chooseK(model, costs.get(c), kmax);
                int chosenIdx = nearest(grid, chosen);
                boolean peaks = bestIdx < curve.size() - 1
                        && curve.getLast().expectedValue().get(c) < curve.get(bestIdx).expectedValue().get(c) - 1e-9;
                choices.add(new Choice(fp, costs.get(c), grid.get(bestIdx), chosen, Math.abs(chosenIdx - bestIdx) <= 1, peaks));
            }
        }
        return new Sweep(bank.name(), costs, points, choices);
    }

    /** Two K whose expected values differ by less than this (half an accuracy point) count as equally good; the smaller wins. */
    static final double EPSILON = 0.005;

    /** The K chooser: the smallest K within {@link #EPSILON} of the model's best expected value. */
    static int chooseK(Resampling model, double cost, int kmax) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= kmax; k++) best = Math.max(best, model.expectedValue(k, cost));
        for (int k = 1; k <= kmax; k++) if (model.expectedValue(k, cost) >= best - EPSILON) return k;
        return kmax;
    }

    /** The fLaws model with one task type per problem: its success rate from the bank, the verifier's error rates. */
    Resampling model(Bank bank, double fp) {
        List<TaskType> types = new ArrayList<>();
        double share = 1.0 / bank.problems().size();
        for (Problem pr : bank.problems()) {
            List<RecordedSample> ss = bank.samplesOf(pr.id());
            double rate = ss.isEmpty() ? 0 : ss.stream().filter(RecordedSample::correct).count() / (double) ss.size();
            types.add(new TaskType(share, rate, 1 - falseNegativeRate, 1 - fp));
        }
        double total = types.stream().mapToDouble(TaskType::share).sum();
        List<TaskType> normalised = types.stream().map(t -> new TaskType(t.share() / total, t.accuracy(), t.completeness(), t.soundness())).toList();
        return new Resampling(normalised);
    }

    private static int nearest(List<Integer> grid, int k) {
        int best = 0;
        for (int i = 1; i < grid.size(); i++) if (Math.abs(grid.get(i) - k) < Math.abs(grid.get(best) - k)) best = i;
        return best;
    }
}
