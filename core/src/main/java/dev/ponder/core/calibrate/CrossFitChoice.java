package dev.ponder.core.calibrate;

import dev.ponder.stats.risk.HoeffdingBentkus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The shipped defaults' selection, for data too small to certify the goal's tolerance with Learn then Test: the
 * fewest-samples setting whose in-sample risk is within a target ({@link Selector#tolerance}), the target being the
 * largest of 10%, 20%, ... 100% of the goal whose choices stay within the goal on the folds left out (cross-fitting,
 * {@link Selector#crossFitted}). Recorded with it: that whole procedure's cross-fitted figures (nested: the target is
 * chosen again inside each training fold), and the finite-sample bound
 * the data give for it, the Hoeffding-Bentkus upper bound at delta / (number of early settings), which holds
 * simultaneously for every setting of the curve, so for one picked by looking at the data too.
 */
public final class CrossFitChoice {
    private static final int GRID = 10;

    private CrossFitChoice() {}

    public static Calibration calibration(Losses l, double goal, double delta, int folds, int repeats, Provenance from,
                                          int orders, long seed) {
        int[] all = l.all();
        double target = target(l, all, goal, folds, repeats, seed);
        Selector select = Selector.tolerance(target);
        int chosen = select.choose(l, all);
        HeldOut.Result held = HeldOut.evaluate(l, HeldOut.folds(all.length, folds, repeats, seed),
                Selector.crossFitted(goal, folds, repeats, seed), goal);
        int early = (int) l.settings().stream().filter(s -> !s.full()).count();
        double level = delta / Math.max(1, early);
        double bound = l.settings().get(chosen).full() ? 0 : HoeffdingBentkus.upperBound(l.risk(chosen, all), all.length, level);
        double[] p = new double[l.settings().size()];
        boolean[] simultaneous = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            boolean full = l.settings().get(i).full();
            p[i] = full ? 0 : HoeffdingBentkus.pValue(l.risk(i, all), all.length, goal);
            simultaneous[i] = full || p[i] <= level;
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("chosen as the fewest-samples setting whose in-sample %s is <= %s, the largest target (of 10%%..100%% of %s) whose"
                        + " choices kept %s <= %s on folds left out (%d folds x %d repeats)", l.risk().label(), target, goal, l.risk().label(), goal,
                folds, repeats));
        notes.add(String.format("cross-fitted, the whole procedure (target chosen again inside each training fold) has %s %.4f at %.2f samples"
                + " on the folds left out", l.risk().label(), held.risk(), held.samples()));
        notes.add(String.format("certified_bound is the Hoeffding-Bentkus bound at delta %s / %d settings, valid for any setting of the curve;"
                + " it assumes new questions exchangeable with these %d", delta, early, all.length));
        Certify.Choice choice = new Certify.Choice(chosen, p, simultaneous, OptionalInt.empty(), level);
        var crossFitted = new Calibration.CrossFitted(folds, repeats, held.risk(), held.samples(), held.accuracy(), held.fullAccuracy());
        return Certify.build(l, all, chosen, goal, delta, "cross-fit", bound, from, orders, seed, Optional.empty(), notes,
                Certify.curve(l, all, choice), Optional.of(crossFitted));
    }

    /** The largest in-sample target on the grid whose choices, cross-fitted within {@code questions}, keep the risk within the goal (0 if none). */
    static double target(Losses l, int[] questions, double goal, int folds, int repeats, long seed) {
        double best = 0;
        for (int g = 1; g <= GRID; g++) {
            double t = goal * g / GRID;
            List<HeldOut.Pair> pairs = new ArrayList<>();
            for (HeldOut.Pair p : HeldOut.folds(questions.length, Math.min(folds, questions.length), repeats, seed)) {
                pairs.add(new HeldOut.Pair(map(p.train(), questions), map(p.test(), questions)));
            }
            if (HeldOut.evaluate(l, pairs, Selector.tolerance(t), goal).risk() <= goal + 1e-12) best = t;
        }
        return best;
    }

    private static int[] map(int[] local, int[] questions) {
        int[] out = new int[local.length];
        for (int i = 0; i < local.length; i++) out[i] = questions[local[i]];
        return out;
    }
}
