package dev.ponder.core.calibrate;

import dev.ponder.stats.risk.HoeffdingBentkus;
import dev.ponder.stats.risk.LearnThenTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Learn then Test over the rule families (Angelopoulos, Bates, Candes, Jordan and Lei 2021): each family's settings
 * are a fixed sequence, conservative first, tested with Hoeffding-Bentkus p-values for "risk > epsilon" at
 * delta / (number of families) (Bonferroni across families); the full-budget setting heads each sequence and needs no
 * test (its risk is zero by construction). Among the certified settings of all families the one with the fewest mean
 * samples wins. When nothing earlier is certified the full budget is kept, with how many questions it would take.
 */
final class Certify {
    private Certify() {}

    /** The chosen setting, every setting's p-value and whether it was certified, and the questions needed when none was. */
    record Choice(int setting, double[] pValues, boolean[] certified, OptionalInt questionsNeeded, double level) {}

    static Choice choose(Losses l, int[] idx, double epsilon, double delta) {
        int s = l.settings().size();
        double level = LearnThenTest.bonferroni(delta, l.families().size());
        double[] p = new double[s];
        boolean[] cert = new boolean[s];
        OptionalInt needed = OptionalInt.empty();
        for (int f = 0; f < l.families().size(); f++) {
            List<Integer> seq = new ArrayList<>();
            for (int i = 0; i < s; i++) {
                Losses.Setting st = l.settings().get(i);
                if (st.familyIndex() != f) continue;
                if (st.full()) {
                    cert[i] = true;
                } else {
                    p[i] = HoeffdingBentkus.pValue(l.risk(i, idx), idx.length, epsilon);
                    seq.add(i);
                }
            }
            int k = LearnThenTest.certified(seq.stream().mapToDouble(i -> p[i]).toArray(), level);
            for (int j = 0; j < k; j++) cert[seq.get(j)] = true;
            if (!seq.isEmpty()) {
                OptionalInt n = HoeffdingBentkus.questionsNeeded(l.risk(seq.getFirst(), idx), epsilon, level);
                if (n.isPresent() && (needed.isEmpty() || n.getAsInt() < needed.getAsInt())) needed = n;
            }
        }
        int best = -1;
        for (int i = 0; i < s; i++) {
            if (cert[i] && (best < 0 || l.samples(i, idx) < l.samples(best, idx) - 1e-12)) best = i;
        }
        boolean early = !l.settings().get(best).full();
        return new Choice(best, p, cert, early ? OptionalInt.empty() : needed, level);
    }

    static Calibration calibration(Losses l, int[] idx, double epsilon, double delta, Provenance from, int orders, long seed) {
        Choice c = choose(l, idx, epsilon, delta);
        Losses.Setting chosen = l.settings().get(c.setting());
        double risk = l.risk(c.setting(), idx);
        double bound = chosen.full() ? 0 : HoeffdingBentkus.upperBound(risk, idx.length, c.level());
        List<String> notes = new ArrayList<>();
        if (chosen.full()) {
            notes.add(c.questionsNeeded().isPresent()
                    ? String.format("too few questions to certify %s <= %s at delta %s: about %d would be needed at the observed rate, %d were given;"
                            + " the full budget is kept", l.risk().label(), epsilon, delta, c.questionsNeeded().getAsInt(), idx.length)
                    : String.format("no early setting's observed %s is below epsilon %s; the full budget is kept", l.risk().label(), epsilon));
        }
        Optional<Integer> needed = c.questionsNeeded().isPresent() ? Optional.of(c.questionsNeeded().getAsInt()) : Optional.empty();
        return build(l, idx, c.setting(), epsilon, delta, "ltt", bound, from, orders, seed, needed, notes, curve(l, idx, c), Optional.empty());
    }

    static List<Calibration.Point> curve(Losses l, int[] idx, Choice c) {
        List<Calibration.Point> out = new ArrayList<>();
        for (int i = 0; i < l.settings().size(); i++) {
            Losses.Setting st = l.settings().get(i);
            out.add(new Calibration.Point(st.family().name(), st.value(), st.spec(), l.risk(i, idx), l.samples(i, idx), c.pValues()[i], c.certified()[i]));
        }
        return out;
    }

    static Calibration build(Losses l, int[] idx, int setting, double epsilon, double delta, String selection, double bound,
                             Provenance from, int orders, long seed, Optional<Integer> needed, List<String> notes,
                             List<Calibration.Point> curve, Optional<Calibration.CrossFitted> crossFitted) {
        Losses.Setting st = l.settings().get(setting);
        double samples = l.samples(setting, idx);
        double full = l.samples(fullSetting(l), idx);
        return new Calibration(st.family().name(), st.value(), st.spec(), l.weighted(), l.risk().label(), epsilon, delta, selection,
                idx.length, l.risk(setting, idx), bound, samples, l.budget(), full > 0 ? 1 - samples / full : 0, from.model(), from.answerKind(),
                from.dataset(), from.data(), orders, seed, needed, notes, curve, crossFitted);
    }

    /** The first full-budget setting (every family has one; they all draw the same). */
    static int fullSetting(Losses l) {
        for (int i = 0; i < l.settings().size(); i++) if (l.settings().get(i).full()) return i;
        throw new IllegalStateException("no full-budget setting");
    }
}
