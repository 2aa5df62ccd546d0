package dev.ponder.core.calibrate;

import dev.ponder.core.strategy.stop.RuleFamily;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every setting of every family replayed once on every calibration question: per question, the loss (mean over the
 * sample orders, in [0, 1]), the samples drawn and, with labels, the share of orders whose early answer was right.
 * Built once by {@link Calibrator#measure}; calibrating on any subset of questions (a split, a fold) only averages
 * rows, so split tests and cross-fitting cost little.
 */
public final class Losses {
    /** One setting of one family; {@code full} when it never stops early. */
    public record Setting(int familyIndex, RuleFamily family, double value, String spec, boolean full) {}

    private final List<String> ids;
    private final List<RuleFamily> families;
    private final List<Setting> settings;
    private final double[][] loss;
    private final double[][] samples;
    private final double[][] correct;
    private final double[] fullCorrect;
    private final boolean labelled;
    private final boolean weighted;
    private final int budget;
    private final Risk risk;

    Losses(List<String> ids, List<RuleFamily> families, List<Setting> settings, double[][] loss, double[][] samples,
           double[][] correct, double[] fullCorrect, boolean labelled, boolean weighted, int budget, Risk risk) {
        this.ids = List.copyOf(ids);
        this.families = List.copyOf(families);
        this.settings = List.copyOf(settings);
        this.loss = loss;
        this.samples = samples;
        this.correct = correct;
        this.fullCorrect = fullCorrect;
        this.labelled = labelled;
        this.weighted = weighted;
        this.budget = budget;
        this.risk = risk;
    }

    public int questions() { return ids.size(); }

    public List<String> ids() { return ids; }

    public List<RuleFamily> families() { return families; }

    public List<Setting> settings() { return settings; }

    public boolean labelled() { return labelled; }

    public boolean weighted() { return weighted; }

    public int budget() { return budget; }

    public Risk risk() { return risk; }

    /** Every question's index, 0..n-1. */
    public int[] all() { return IntStream.range(0, ids.size()).toArray(); }

    public double risk(int setting, int[] questions) { return mean(loss[setting], questions); }

    public double samples(int setting, int[] questions) { return mean(samples[setting], questions); }

    /** Accuracy of the early answer (needs labels). */
    public double accuracy(int setting, int[] questions) { return mean(correct[setting], questions); }

    /** Accuracy at the full budget (needs labels). */
    public double fullAccuracy(int[] questions) { return mean(fullCorrect, questions); }

    /** The per-question values behind the means, for one setting: loss, samples, early accuracy. */
    public double loss(int setting, int question) { return loss[setting][question]; }

    public double samples(int setting, int question) { return samples[setting][question]; }

    public double correct(int setting, int question) { return correct[setting][question]; }

    public double fullCorrect(int question) { return fullCorrect[question]; }

    private static double mean(double[] row, int[] questions) {
        if (questions.length == 0) throw new IllegalArgumentException("no questions to average over");
        double s = 0;
        for (int q : questions) s += row[q];
        return s / questions.length;
    }
}
