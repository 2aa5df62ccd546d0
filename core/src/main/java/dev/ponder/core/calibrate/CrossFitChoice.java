package dev.ponder.core.calibrate;

import dev.ponder.stats.risk.HoeffdingBentkus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shipped defaults' selection, for data too small to certify the goal's tolerance with Learn then Test: the setting
 * with the fewest mean samples whose in-sample risk is within the tolerance ({@link Selector#tolerance}), reported with
 * what that same choice does on questions it did not see (K-fold cross-fitting, repeated) and with the finite-sample
 * bound the data give for it: the Hoeffding-Bentkus upper bound at delta / (number of early settings), which holds
 * simultaneously for every setting of the curve, so for one picked by looking at the data too.
 */
public final class CrossFitChoice {
    private CrossFitChoice() {}

    public static Calibration calibration(Losses l, double tolerance, double delta, int folds, int repeats, Provenance from,
                                          int orders, long seed) {
        int[] all = l.all();
        Selector select = Selector.tolerance(tolerance);
        int chosen = select.choose(l, all);
        HeldOut.Result held = HeldOut.evaluate(l, HeldOut.folds(all.length, folds, repeats, seed), select, tolerance);
        int early = (int) l.settings().stream().filter(s -> !s.full()).count();
        double level = delta / Math.max(1, early);
        double bound = l.settings().get(chosen).full() ? 0 : HoeffdingBentkus.upperBound(l.risk(chosen, all), all.length, level);
        double[] p = new double[l.settings().size()];
        boolean[] simultaneous = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            boolean full = l.settings().get(i).full();
            p[i] = full ? 0 : HoeffdingBentkus.pValue(l.risk(i, all), all.length, tolerance);
            simultaneous[i] = full || p[i] <= level;
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format("chosen as the fewest-samples setting whose in-sample %s is <= %s; cross-fitted (%d folds x %d repeats) that"
                        + " choice has %s %.4f at %.2f samples on questions it was not chosen on", l.risk().label(), tolerance, folds, repeats,
                l.risk().label(), held.risk(), held.samples()));
        notes.add(String.format("certified_bound is the Hoeffding-Bentkus bound at delta %s / %d settings, valid for any setting of the curve;"
                + " it assumes new questions exchangeable with these %d", delta, early, all.length));
        Certify.Choice choice = new Certify.Choice(chosen, p, simultaneous, java.util.OptionalInt.empty(), level);
        var crossFitted = new Calibration.CrossFitted(folds, repeats, held.risk(), held.samples(), held.accuracy(), held.fullAccuracy());
        return Certify.build(l, all, chosen, tolerance, delta, "cross-fit", bound, from, orders, seed, Optional.empty(), notes,
                Certify.curve(l, all, choice), Optional.of(crossFitted));
    }
}
