package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Tally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ponder's stopping rule: a learned typicality gate in front of the Adaptive-Consistency Beta rule.
 *
 * <p>Why: on most questions a model's samples agree, and voting only pays on the few where they do not. Those show
 * themselves already in the first sample more often than not: its answer is missing or of an unusual shape, its text
 * is much shorter or longer than the texts behind settled answers (a model that is unsure writes more, or gives up),
 * or its score (reward model or verifier, when there is one) is low. So the rule learns, from the questions already
 * settled in this run, what a settled answer looks like: the median text length, the distribution of answer lengths
 * and the scores. A first sample that looks typical on all of them is accepted at once; any other question falls back
 * to the Beta rule. Until {@code warmup} questions are settled it is the Beta rule.
 *
 * <p>Answer lengths only count when they are concentrated (one length holds at least {@code concentration} of the
 * settled answers, as for fixed-format answers); for free-form answers they say nothing and are ignored.
 */
public final class TypicalityRule implements StopRule {

    /** Thresholds; {@link #defaults()} were chosen on the development banks only. */
    public record Settings(double beta, double lengthLow, double lengthHigh, double answerShare, double concentration,
                           double scoreQuantile, int warmup) {
        public Settings {
            if (!(beta > 0.5 && beta < 1)) throw new IllegalArgumentException("beta threshold must be in (0.5, 1), was " + beta);
            if (!(lengthLow > 0 && lengthLow < 1 && lengthHigh > 1)) throw new IllegalArgumentException("length band must contain 1, was [" + lengthLow + ", " + lengthHigh + "]");
            if (!(scoreQuantile >= 0 && scoreQuantile < 1)) throw new IllegalArgumentException("score quantile must be in [0, 1), was " + scoreQuantile);
            if (warmup < 0) throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
        }

        public static Settings defaults() { return new Settings(0.8, 0.7, 1.4, 0.2, 0.6, 0.1, 5); }
    }

    private final Settings settings;
    private final BetaRule beta;
    private final List<Integer> settledLengths = new ArrayList<>();
    private final Map<Integer, Integer> answerLengths = new HashMap<>();
    private final List<Double> settledScores = new ArrayList<>();
    private int settled;

    TypicalityRule(Settings settings) {
        this.settings = settings;
        this.beta = new BetaRule(settings.beta());
    }

    @Override
    public int batch() { return 1; }

    @Override
    public synchronized boolean shouldStop(List<Sample> drawn) {
        if (drawn.size() == 1) return typical(drawn.getFirst());
        return beta.shouldStop(drawn);
    }

    private boolean typical(Sample s) {
        if (!s.hasAnswer() || settled < Math.max(1, settings.warmup())) return false;
        double ratio = s.text().length() / median(settledLengths);
        if (ratio < settings.lengthLow() || ratio > settings.lengthHigh()) return false;
        int total = answerLengths.values().stream().mapToInt(Integer::intValue).sum();
        int mode = answerLengths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if ((double) mode / total >= settings.concentration()
                && (double) answerLengths.getOrDefault(s.answer().length(), 0) / total < settings.answerShare()) return false;
        if (s.score().isPresent() && settledScores.size() >= 10) {
            List<Double> sorted = new ArrayList<>(settledScores);
            sorted.sort(null);
            if (s.score().get() < sorted.get((int) (settings.scoreQuantile() * sorted.size()))) return false;
        }
        return true;
    }

    /** Learns from a finished question: its leader counts as settled when one sample stood alone or two agreed. */
    @Override
    public synchronized void learn(List<Sample> drawn) {
        Tally t = Tally.of(drawn);
        if (t.top().isEmpty()) return;
        String top = t.top().get();
        if (!(drawn.size() == 1 || t.count(top) >= 2)) return;
        settled++;
        answerLengths.merge(top.length(), 1, Integer::sum);
        for (Sample s : drawn) {
            if (!s.answer().equals(top)) continue;
            settledLengths.add(s.text().length());
            s.score().ifPresent(settledScores::add);
        }
    }

    private static double median(List<Integer> xs) {
        List<Integer> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    @Override
    public String name() { return "typicality"; }
}
