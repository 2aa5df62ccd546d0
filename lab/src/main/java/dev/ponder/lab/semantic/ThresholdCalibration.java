package dev.ponder.lab.semantic;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Embedder;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Tally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses the similarity threshold of the {@code semantic} answer kind by a rule fixed before any evaluation, on a
 * {@link CalibrationSet} (questions answered in several meanings, each in several wordings). What the threshold is for
 * is a vote, so the rule scores votes: for every question and every ordered pair of its meanings, the majority
 * meaning's k wordings and k-1 wordings of the other are grouped in R seeded orders exactly as a vote groups them
 * (greedy groups, the largest group's medoid as the reply), and a vote is right when its reply has the majority
 * meaning. The threshold is the one on a 0.01 grid from 0.50 to 0.99 with the most right votes, ties to the higher
 * threshold (groups kept apart, so confidence stays informative). That is in-sample, so it is also cross-fitted:
 * questions alternate between two halves, and each half is scored at the threshold chosen on the other. Beside it:
 * counting identical texts (what an extractor-less vote does with free text), and the pair rates (same-meaning and
 * different-meaning pairs at or above each threshold).
 */
public final class ThresholdCalibration {
    private static final int LOW = 50, HIGH = 99;

    /** Rates at one threshold: pairs grouped, and the share of simulated votes whose reply has the majority meaning. */
    public record Row(double threshold, double sameGrouped, double differentGrouped, double votesRight) {}

    /**
     * The outcome: the chosen threshold with its in-sample row, the two halves' thresholds and the cross-fitted share of
     * right votes, the share right when only identical texts vote together, and the table every 0.05.
     */
    public record Result(String model, int questions, int samePairs, int differentPairs, int votes, double threshold, Row inSample,
                         List<Double> halfThresholds, double crossFittedVotesRight, double identicalTextVotesRight, long seed, List<Row> table) {}

    private record Pairs(List<Double> same, List<Double> different) {}

    /** One simulated vote: wordings in order, each with its meaning; the first meaning listed is the majority. */
    private record Ballot(int question, List<String> texts, List<Integer> meanings, int majority) {}

    private ThresholdCalibration() {}

    public static Result run(CalibrationSet set, Embedder embedder, String model, long seed, int orders) {
        if (orders < 1) throw new IllegalArgumentException("orders must be >= 1, was " + orders);
        List<CalibrationSet.Question> qs = set.questions();
        Map<String, float[]> vectors = embed(qs, embedder);
        Embedder cached = texts -> texts.stream().map(vectors::get).toList();
        List<Pairs> perQuestion = qs.stream().map(q -> pairs(q, vectors)).toList();
        Pairs all = pool(perQuestion);
        List<Ballot> ballots = ballots(qs, new SplittableRandom(seed), orders);
        double[] right = new double[HIGH + 1], rightEven = new double[HIGH + 1], rightOdd = new double[HIGH + 1];
        for (int i = LOW; i <= HIGH; i++) {
            for (Ballot b : ballots) {
                if (!votesRight(b, cached, i / 100.0)) continue;
                right[i]++;
                if (b.question % 2 == 0) rightEven[i]++;
                else rightOdd[i]++;
            }
        }
        long evenVotes = ballots.stream().filter(b -> b.question % 2 == 0).count(), oddVotes = ballots.size() - evenVotes;
        int t = best(right), tEven = best(rightEven), tOdd = best(rightOdd);
        double cross = (rightOdd[tEven] + rightEven[tOdd]) / ballots.size();
        double identical = ballots.stream().filter(b -> b.meanings.getFirst() == b.majority).count() / (double) ballots.size();
        List<Row> table = new ArrayList<>();
        for (int i = LOW; i <= HIGH; i += 5) table.add(row(all, i, right[i] / ballots.size()));
        if (evenVotes == 0 || oddVotes == 0) cross = Double.NaN;
        return new Result(model, qs.size(), all.same.size(), all.different.size(), ballots.size(), t / 100.0,
                row(all, t, right[t] / ballots.size()), List.of(tEven / 100.0, tOdd / 100.0), cross, identical, seed, table);
    }

    /** Vectors by normalised text: the grouping embeds texts as it labels them, white space collapsed. */
    private static Map<String, float[]> embed(List<CalibrationSet.Question> qs, Embedder embedder) {
        List<String> texts = qs.stream().flatMap(q -> q.meanings().stream().flatMap(List::stream)).map(Grouping::normalise).distinct().toList();
        List<float[]> vs = embedder.embed(texts);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) out.put(texts.get(i), vs.get(i));
        return out;
    }

    private static Pairs pairs(CalibrationSet.Question q, Map<String, float[]> v) {
        List<Double> same = new ArrayList<>(), different = new ArrayList<>();
        List<List<String>> ms = q.meanings();
        for (int i = 0; i < ms.size(); i++) {
            for (int j = i; j < ms.size(); j++) {
                for (int a = 0; a < ms.get(i).size(); a++) {
                    for (int b = i == j ? a + 1 : 0; b < ms.get(j).size(); b++) {
                        (i == j ? same : different).add(cosine(v.get(Grouping.normalise(ms.get(i).get(a))), v.get(Grouping.normalise(ms.get(j).get(b)))));
                    }
                }
            }
        }
        return new Pairs(same, different);
    }

    private static Pairs pool(List<Pairs> perQuestion) {
        List<Double> same = new ArrayList<>(), different = new ArrayList<>();
        for (int i = 0; i < perQuestion.size(); i++) {
            same.addAll(perQuestion.get(i).same);
            different.addAll(perQuestion.get(i).different);
        }
        return new Pairs(same, different);
    }

    /** The highest grid threshold with the most right votes. */
    private static int best(double[] right) {
        int best = LOW;
        for (int i = LOW; i <= HIGH; i++) if (right[i] >= right[best]) best = i;
        return best;
    }

    private static Row row(Pairs p, int t, double votesRight) {
        return new Row(t / 100.0, share(p.same, t / 100.0), share(p.different, t / 100.0), votesRight);
    }

    private static double share(List<Double> sims, double t) {
        if (sims.isEmpty()) return 0;
        return (double) sims.stream().filter(s -> s >= t).count() / sims.size();
    }

    private static List<Ballot> ballots(List<CalibrationSet.Question> qs, SplittableRandom rng, int orders) {
        List<Ballot> out = new ArrayList<>();
        for (int q = 0; q < qs.size(); q++) {
            List<List<String>> ms = qs.get(q).meanings();
            for (int maj = 0; maj < ms.size(); maj++) {
                for (int min = 0; min < ms.size(); min++) {
                    if (maj == min) continue;
                    int k = ms.get(maj).size();
                    List<int[]> picks = new ArrayList<>();
                    for (int w = 0; w < k; w++) picks.add(new int[] {maj, w});
                    for (int w = 0; w < Math.min(k - 1, ms.get(min).size()); w++) picks.add(new int[] {min, w});
                    for (int r = 0; r < orders; r++) {
                        Collections.shuffle(picks, rng);
                        out.add(new Ballot(q, picks.stream().map(p -> ms.get(p[0]).get(p[1])).toList(), picks.stream().map(p -> p[0]).toList(), maj));
                    }
                }
            }
        }
        return out;
    }

    /** Groups the ballot as a vote does (largest group, first seen on ties, its medoid) and checks the reply's meaning. */
    private static boolean votesRight(Ballot b, Embedder embedder, double t) {
        Grouping groups = AnswerExtractor.semantic(embedder, t).forQuestion();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < b.texts.size(); i++) {
            samples.add(new Sample(i, b.texts.get(i), "", groups.extract(b.texts.get(i)), Usage.ZERO, Optional.empty(), Optional.empty(), "sample"));
        }
        String top = Tally.of(samples).top().orElseThrow();
        Sample chosen = groups.representative(samples.stream().filter(s -> s.answer().equals(top)).toList());
        return b.meanings.get(chosen.index()) == b.majority;
    }

    private static double cosine(float[] a, float[] b) {
        double d = 0, x = 0, y = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
            x += (double) a[i] * a[i];
            y += (double) b[i] * b[i];
        }
        return x == 0 || y == 0 ? 0 : d / Math.sqrt(x * y);
    }
}
