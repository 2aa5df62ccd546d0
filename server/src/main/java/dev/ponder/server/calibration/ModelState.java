package dev.ponder.server.calibration;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.Calibrator;
import dev.ponder.core.calibrate.Losses;
import dev.ponder.core.calibrate.Provenance;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.calibrate.Risk;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.server.config.CalibrationConfig;
import dev.ponder.stats.risk.HoeffdingBentkus;
import dev.ponder.stats.risk.LearnThenTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One served model's stopping rule, calibrated on its own traffic with Learn then Test (Angelopoulos et al. 2021,
 * through the same {@link Calibrator} {@code ponder calibrate} uses): the full-budget questions of the most recent
 * {@code window} calibrated requests are replayed under every setting, and every {@code refitEvery} new ones, once
 * {@code minQuestions} are in, the most aggressive certified setting is adopted. When nothing early is certified any
 * more (the bound of the setting in use has risen above epsilon: the traffic shifted, or the data cannot back it) the
 * model falls back to the conservative setting, the full budget, until a refit certifies one again. Until the first
 * refit the model runs its starting calibration (a file, or the shipped default). A refit that finds the bound of a live-fitted
 * setting in use above epsilon falls back to the full budget even when a more conservative setting is certified: the
 * window still holds traffic from before the shift, so the next refit, on more of the new traffic, decides. Thread-safe.
 */
final class ModelState {
    /** What a refit did, for the metrics. */
    enum Refit { ADOPTED, FELL_BACK, KEPT_FULL }

    private final String model;
    private final String answerKind;
    private final int fullBudget;
    private final CalibrationConfig config;
    private final Calibration start;
    private final String startedFrom;
    private final Deque<Question> window = new ArrayDeque<>();
    private final ConfidenceFloor floor = new ConfidenceFloor();
    private Calibration current;
    private String source;
    private boolean fellBack;
    private String why = "";
    private double boundInUse = Double.NaN;
    private long seen;
    private int sinceRefit;
    private int refits;
    private long adaptiveRuns;
    private long adaptiveSamples;

    ModelState(String model, String answerKind, int fullBudget, CalibrationConfig config, Calibration start, String startedFrom) {
        this.model = model;
        this.answerKind = answerKind;
        this.fullBudget = fullBudget;
        this.config = config;
        this.start = start;
        this.startedFrom = startedFrom;
        this.current = start;
        this.source = startedFrom;
    }

    String model() { return model; }

    int fullBudget() { return fullBudget; }

    ConfidenceFloor floor() { return floor; }

    synchronized Calibration current() { return current; }

    synchronized boolean fellBack() { return fellBack; }

    /** What {@code adaptive} runs on this model now: the setting in use, or the full budget after a fall-back. */
    synchronized Strategy strategy() {
        if (fellBack) return StrategyRegistry.standard().parse("wvote@" + fullBudget);
        return Strategy.adaptive(asServed(current), source);
    }

    /**
     * {@code c}'s rule at this model's full budget, as made for it: a starting calibration may be the pooled default (made
     * for any model) or have another full budget than the section sets, and a live fit is this model's already.
     */
    private Calibration asServed(Calibration c) {
        if (c.model().equals(model) && c.answerKind().equals(answerKind) && c.fullBudget() == fullBudget) return c;
        return new Calibration(c.rule(), c.setting(), c.spec(), c.weighted(), c.risk(), c.epsilon(), c.delta(), c.selection(), c.questions(),
                c.observedRisk(), c.certifiedBound(), c.meanSamples(), fullBudget, c.saving(), model, answerKind, c.dataset(), c.data(), c.orders(),
                c.seed(), c.questionsNeeded(), c.notes(), c.curve(), c.crossFitted());
    }

    /** An {@code adaptive} run on this model drew {@code samples}: the saving on live traffic. */
    synchronized void ran(int samples) {
        adaptiveRuns++;
        adaptiveSamples += samples;
    }

    /** Adds a calibration question; refits when it is time. Returns what the refit did, if one ran. */
    synchronized Optional<Refit> add(Question q, boolean refitNow) {
        window.addLast(q);
        while (window.size() > config.window()) window.removeFirst();
        seen++;
        sinceRefit++;
        if (!refitNow || window.size() < config.minQuestions() || sinceRefit < config.refitEvery()) return Optional.empty();
        return Optional.of(refit());
    }

    /** Whether the window holds enough questions to fit. */
    synchronized boolean ready() { return window.size() >= config.minQuestions(); }

    /** Learn then Test on the window; adopt what it certifies, else fall back to the full budget. */
    synchronized Refit refit() {
        sinceRefit = 0;
        refits++;
        List<Question> qs = List.copyOf(window);
        Calibrator calibrator = new Calibrator(config.orders(), config.seed());
        Losses losses = calibrator.measure(qs, Risk.DISAGREEMENT, fullBudget);
        int[] all = losses.all();
        Provenance from = new Provenance(model, answerKind, Optional.empty(), "live traffic of ponder serve (the last " + qs.size() + " calibrated requests)");
        Calibration fit = calibrator.certify(losses, all, config.epsilon(), config.delta(), from);
        boundInUse = boundOf(losses, all, fellBack ? Optional.empty() : Optional.of(current));
        if (source.equals("live") && boundInUse > config.epsilon()) {
            // the setting in use is no longer certified: the traffic shifted. Full budget until the next refit certifies again.
            current = fit;
            source = "live";
            fellBack = true;
            why = String.format("the certified bound of the setting in use on the last %d questions rose to %.4f, above epsilon %s (the traffic"
                    + " shifted?); the full budget until the next refit certifies a setting", qs.size(), boundInUse, config.epsilon());
            return Refit.FELL_BACK;
        }
        if (fit.early()) {
            current = fit;
            source = "live";
            fellBack = false;
            why = "";
            return Refit.ADOPTED;
        }
        current = fit;
        source = "live";
        if (fellBack) return Refit.KEPT_FULL;
        fellBack = true;
        why = "no early setting is certified on the last " + qs.size() + " questions at epsilon " + config.epsilon();
        return Refit.FELL_BACK;
    }

    /** The Hoeffding-Bentkus bound, at Learn then Test's level, of {@code setting}'s risk on the window; NaN when it is not on the curve. */
    private double boundOf(Losses l, int[] all, Optional<Calibration> setting) {
        if (setting.isEmpty() || !setting.get().early()) return Double.NaN;
        for (int i = 0; i < l.settings().size(); i++) {
            if (l.settings().get(i).spec().equals(setting.get().spec())) {
                return HoeffdingBentkus.upperBound(l.risk(i, all), all.length, LearnThenTest.bonferroni(config.delta(), l.families().size()));
            }
        }
        return Double.NaN;
    }

    /** A snapshot for {@code GET /v1/ponder/calibration}. */
    synchronized Status status() {
        return new Status(model, answerKind, fellBack ? "full budget (" + fullBudget + ")" : current.spec(), source, startedFrom, fellBack, why,
                fellBack ? 0 : current.observedRisk(), fellBack ? 0 : current.certifiedBound(), boundInUse, current.questions(), seen,
                window.size(), refits, Math.max(0, Math.max(config.minQuestions() - window.size(), config.refitEvery() - sinceRefit)),
                fullBudget, fellBack ? 0 : current.saving(), fellBack ? fullBudget : current.meanSamples(), adaptiveRuns,
                adaptiveRuns == 0 ? 0 : (double) adaptiveSamples / adaptiveRuns, floor.floor(), floor.seen(), floor.dropped(), start.spec());
    }

    /** What the status route shows for one model. */
    record Status(String model, String answerKind, String setting, String source, String startedFrom, boolean fellBack, String why,
                  double observedRisk, double certifiedBound, double boundInUse, int fittedOn, long questionsSeen, int window, int refits,
                  int nextRefitIn, int fullBudget, double saving, double meanSamples, long adaptiveRuns, double liveMeanSamples,
                  Optional<Double> confidenceFloor, long confidencesSeen, long confidencesDropped, String startSetting) {}
}
