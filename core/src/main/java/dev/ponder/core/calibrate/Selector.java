package dev.ponder.core.calibrate;

/** How a setting is chosen from calibration questions: an index into {@link Losses#settings()}. */
public interface Selector {

    int choose(Losses losses, int[] questions);

    /** Learn then Test at epsilon and delta (see {@link Certify}). */
    static Selector learnThenTest(double epsilon, double delta) {
        return (l, q) -> Certify.choose(l, q, epsilon, delta).setting();
    }

    /**
     * The setting with the fewest mean samples whose in-sample risk is at most {@code tolerance} (the full budget, of
     * risk zero, always qualifies). No guarantee: judge it by cross-fitting ({@link HeldOut}).
     */
    static Selector tolerance(double tolerance) {
        return (l, q) -> {
            int best = Certify.fullSetting(l);
            for (int i = 0; i < l.settings().size(); i++) {
                if (l.risk(i, q) <= tolerance + 1e-12 && l.samples(i, q) < l.samples(best, q) - 1e-12) best = i;
            }
            return best;
        };
    }

    /**
     * {@link #tolerance} at the largest in-sample target (a fixed grid: 10%, 20%, ... 100% of {@code goal}) whose
     * choices keep the risk within {@code goal} on questions they were not chosen on: K-fold cross-fitting inside the
     * given questions, {@code repeats} seeded partitions. A choice near the goal in-sample tends to exceed it on new
     * questions (it was picked for looking good here); this asks the folds left out how much to hold back.
     */
    static Selector crossFitted(double goal, int folds, int repeats, long seed) {
        return (l, q) -> tolerance(CrossFitChoice.target(l, q, goal, folds, repeats, seed)).choose(l, q);
    }
}
