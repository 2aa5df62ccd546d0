package dev.ponder.core.calibrate;

import dev.ponder.core.bank.ReplayOrder;
import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Tally;
import dev.ponder.core.strategy.stop.RuleFamily;
import dev.ponder.core.strategy.stop.StopRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays every setting of every stopping-rule family on full-budget samples. Each question's samples are put in
 * {@code orders} seeded orders (seeds seed .. seed+orders-1, the orders a seeded replay of a bank serves, see
 * {@link ReplayOrder}); in each, the rule draws as {@code adaptive} would ({@link StopRule#stopAt}) and its answer is
 * compared with the answer at the full budget. Votes are weighted ({@link Tally#decision}) when the samples carry
 * scores or confidences. A question's loss is the mean over its orders, in [0, 1]: questions, not orders, are the
 * independent draws the guarantee counts. {@link Certify} and {@link CrossFit} then work on the table.
 */
public record Calibrator(int orders, long seed) {
    public Calibrator {
        if (orders < 1) throw new IllegalArgumentException("orders must be >= 1, was " + orders);
    }

    /** Replays every setting on every question, at a full budget of {@code budget} samples. */
    public Losses measure(List<Question> questions, Risk risk, int budget) {
        if (questions.isEmpty()) throw new IllegalArgumentException("no calibration questions");
        if (budget < 1) throw new IllegalArgumentException("full budget must be >= 1, was " + budget);
        boolean weighted = questions.stream().anyMatch(Question::weighted);
        boolean labelled = questions.stream().allMatch(Question::labelled);
        if (risk == Risk.ACCURACY && !labelled) {
            long missing = questions.stream().filter(q -> !q.labelled()).count();
            throw new IllegalArgumentException("risk accuracy needs every sample's recorded label (correct or not); "
                    + missing + " of " + questions.size() + " questions have samples without one (use --risk disagreement)");
        }
        List<RuleFamily> families = RuleFamily.standard(weighted);
        List<Losses.Setting> settings = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            RuleFamily fam = families.get(f);
            for (double v : fam.settings(budget)) settings.add(new Losses.Setting(f, fam, v, fam.spec(v, budget), fam.full(v, budget)));
        }
        List<StopRule> rules = settings.stream().map(s -> s.full() ? null : s.family().rule(s.value())).toList();
        int n = questions.size();
        int s = settings.size();
        double[][] loss = new double[s][n];
        double[][] drawn = new double[s][n];
        double[][] right = new double[s][n];
        double[] fullRight = new double[n];
        for (int q = 0; q < n; q++) {
            Question question = questions.get(q);
            for (int r = 0; r < orders; r++) {
                List<Sample> ordered = ordered(question, seed + r);
                int all = Math.min(budget, ordered.size());
                Optional<String> full = Tally.decision(ordered.subList(0, all));
                boolean fullOk = correct(ordered, full);
                fullRight[q] += fullOk ? 1.0 / orders : 0;
                for (int i = 0; i < s; i++) {
                    int k = rules.get(i) == null ? all : rules.get(i).stopAt(ordered, budget);
                    List<Sample> prefix = ordered.subList(0, k);
                    Optional<String> early = Tally.decision(prefix);
                    boolean ok = correct(prefix, early);
                    boolean lost = risk == Risk.DISAGREEMENT ? !early.equals(full) : fullOk && !ok;
                    loss[i][q] += lost ? 1.0 / orders : 0;
                    drawn[i][q] += (double) k / orders;
                    right[i][q] += ok ? 1.0 / orders : 0;
                }
            }
        }
        List<String> ids = questions.stream().map(Question::id).toList();
        return new Losses(ids, families, settings, loss, drawn, right, fullRight, labelled, weighted, budget, risk);
    }

    /** Learn then Test on the questions {@code idx} of a measured table; see {@link Certify}. */
    public Calibration certify(Losses losses, int[] idx, double epsilon, double delta, Provenance provenance) {
        return Certify.calibration(losses, idx, epsilon, delta, provenance, orders, seed);
    }

    private static List<Sample> ordered(Question q, long seed) {
        int[] perm = ReplayOrder.permutation(seed, q.id(), q.samples().size());
        List<Sample> out = new ArrayList<>(perm.length);
        for (int i : perm) out.add(q.samples().get(i));
        return out;
    }

    /** Whether the answer is right, by the recorded label of the first drawn sample that gave it (as the lab grades). */
    static boolean correct(List<Sample> drawn, Optional<String> answer) {
        if (answer.isEmpty()) return false;
        for (Sample s : drawn) {
            if (s.answer().equals(answer.get())) return s.recordedCorrect().orElse(false);
        }
        return false;
    }
}
