package dev.ponder.lab.bench;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.model.Budget;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.strategy.StrategySpec;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.lab.eval.ProblemOutcome;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Replays a bank R times, each time with every problem's samples in a new seeded order (seed, seed+1, ...), and
 * runs each strategy on it with fresh state. Accuracy is the mean over permutations; its 95% interval is a seeded
 * percentile bootstrap over problems of each problem's mean correctness.
 */
public record StrategyBench(int permutations, long seed, double tolerance, double goalRatio, int resamples) {

    public StrategyBench {
        if (permutations < 1) throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
    }

    /** The strategies benched on a bank: fixed counts up to all samples, the published rules, and Ponder's. */
    public static List<String> defaultSpecs(Bank bank) {
        int max = bank.maxSamplesPerProblem();
        boolean scored = bank.samples().values().stream().flatMap(List::stream).anyMatch(s -> s.score().isPresent());
        List<String> specs = new ArrayList<>();
        for (int n = 1; n < max; n *= 2) specs.add("vote@" + n);
        specs.add("vote@" + max);
        if (scored) {
            for (int n = 2; n < max; n *= 2) specs.add("best@" + n);
            specs.add("best@" + max);
            specs.add("wvote@" + max);
        }
        for (int w : new int[] {2, 3, 4, 5, 8}) specs.add("esc@" + w);
        for (String t : new String[] {"0.8", "0.9", "0.95", "0.99"}) specs.add("ac@" + t);
        specs.add("adaptive");
        for (String o : new String[] {"1.5", "2", "3", "4"}) specs.add("optimal@" + o);
        return specs;
    }

    public BankBench run(Bank bank, List<String> specs) {
        int p = bank.problems().size();
        StrategyRegistry registry = StrategyRegistry.forDataset(Optional.of(bank.name()));
        List<BenchRow> rows = new ArrayList<>();
        for (String spec : specs) {
            StrategySpec parsed = StrategySpec.parse(spec, registry);
            double[] correct = new double[p];
            double samples = 0;
            double tokens = 0;
            double dollars = 0;
            for (int r = 0; r < permutations; r++) {
                long s = seed + r;
                Backend replay = Backend.replay(bank, Optional.of(s), PriceCatalogue.shipped());
                Evaluation eval = new Evaluation(bank.model(), AnswerExtractor.forKind(bank.answerKind()), true,
                        Grader.recordedThen((pr, a) -> false), Budget.UNLIMITED, s, 1, Evaluation.questionOnly(), InstantSource.system());
                List<ProblemOutcome> outcomes = switch (parsed) {
                    case StrategySpec.Batch b -> eval.runBatch(b.create(bank.maxSamplesPerProblem()), replay, bank.problems());
                    case StrategySpec.PerQuestion q -> eval.run(q.create(), replay, bank.problems());
                    case StrategySpec.Auto a -> throw new IllegalStateException("a parsed strategy is never auto");
                };
                for (int i = 0; i < p; i++) {
                    ProblemOutcome o = outcomes.get(i);
                    if (o.correct()) correct[i] += 1.0 / permutations;
                    samples += o.samples();
                    tokens += o.outputTokens();
                    dollars += o.dollars();
                }
            }
            double n = (double) p * permutations;
            Estimate ci = Bootstrap.mean(correct, resamples, 0.95, new SplittableRandom(seed));
            rows.add(new BenchRow(spec, Family.of(spec).label(), mean(correct), ci.low(), ci.high(), samples / n, tokens / n, dollars / n));
        }
        return new BankBench(bank.name(), p, permutations, rows, efficiency(rows, "vote@" + bank.maxSamplesPerProblem()), allocation(rows));
    }

    /**
     * The best baseline is the published rule with the fewest samples within the tolerance of the vote over all
     * ({@code reference}); Ponder's rule must come within the tolerance of the better of that and the weighted vote
     * over all, when the bench ran one (with scores, adaptive aims at weighted-vote accuracy).
     */
    BankBench.Efficiency efficiency(List<BenchRow> rows, String reference) {
        BenchRow ref = rows.stream().filter(r -> r.strategy().equals(reference)).findFirst().orElseThrow();
        BenchRow target = rows.stream().filter(r -> r.strategy().equals("w" + reference) && r.accuracy() > ref.accuracy()).findFirst().orElse(ref);
        Optional<BenchRow> baseline = rows.stream().filter(r -> r.family().equals("baseline"))
                .filter(r -> r.accuracy() >= ref.accuracy() - tolerance)
                .min(Comparator.comparingDouble(BenchRow::samplesPerProblem));
        BenchRow ours = rows.stream().filter(r -> r.strategy().startsWith("adaptive")).findFirst()
                .or(() -> rows.stream().filter(r -> r.family().equals("ponder")).findFirst()).orElseThrow();
        Optional<Double> ratio = baseline.map(b -> ours.samplesPerProblem() / b.samplesPerProblem());
        boolean met = ours.accuracy() >= target.accuracy() - tolerance && ratio.map(x -> x <= goalRatio).orElse(true);
        return new BankBench.Efficiency(reference, ref.accuracy(), target.strategy(), target.accuracy(), baseline.map(BenchRow::strategy),
                baseline.map(BenchRow::samplesPerProblem), ours.strategy(), ours.accuracy(), ours.samplesPerProblem(), ratio, met);
    }

    /**
     * Compute-optimal allocation against uniform voting: for each {@code vote@N} row, the fewest samples per question
     * at which an {@code optimal@S} row is at least as accurate, and the saving N / S.
     */
    static List<BankBench.Allocation> allocation(List<BenchRow> rows) {
        List<BenchRow> optimal = rows.stream().filter(r -> StrategySpec.isBatch(r.strategy()))
                .sorted(Comparator.comparingDouble(BenchRow::samplesPerProblem)).toList();
        List<BankBench.Allocation> out = new ArrayList<>();
        if (optimal.isEmpty()) return out;
        for (BenchRow v : rows) {
            if (!v.strategy().startsWith("vote@") || v.samplesPerProblem() < 2) continue;
            Optional<BenchRow> match = optimal.stream().filter(o -> o.accuracy() >= v.accuracy() - 1e-12).findFirst();
            Optional<BenchRow> same = optimal.stream().filter(o -> Math.abs(o.samplesPerProblem() - v.samplesPerProblem()) < 1e-9).findFirst();
            out.add(new BankBench.Allocation(v.strategy(), v.accuracy(), v.samplesPerProblem(),
                    same.map(BenchRow::accuracy), match.map(BenchRow::strategy),
                    match.map(m -> v.samplesPerProblem() / m.samplesPerProblem())));
        }
        return out;
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.length;
    }
}
