package dev.ponder.cli.calibrate;

import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.HeldOut;
import dev.ponder.core.calibrate.Losses;
import dev.ponder.core.calibrate.Provenance;
import java.io.PrintWriter;

/** How {@code ponder calibrate} prints: the curve with the chosen point, or the split test's count. */
final class CalibrateText {
    private CalibrateText() {}

    static void calibration(PrintWriter o, Calibration c) {
        o.printf("calibration for %s (%s answers): %s; %d questions x %d orders (seed %d)%n", c.model(), c.answerKind(), c.data(),
                c.questions(), c.orders(), c.seed());
        o.printf("risk %s, epsilon %s, delta %s, selection %s%s%n", c.risk(), c.epsilon(), c.delta(), c.selection(),
                c.weighted() ? "; votes weighted by score/confidence" : "");
        o.printf("  %-20s %9s %9s %9s  %s%n", "setting", "risk", "samples", "p-value", "certified");
        for (Calibration.Point p : c.curve()) {
            o.printf("  %-20s %9.4f %9.2f %9.4f  %-3s%s%n", p.spec(), p.risk(), p.meanSamples(), p.pValue(), p.certified() ? "yes" : "no",
                    p.spec().equals(c.spec()) && p.rule().equals(c.rule()) ? "  <- chosen" : "");
        }
        o.println("  (risk and samples are in-sample: measured on the calibration questions)");
        o.printf("chosen: %s, %.2f samples per question vs %d at the full budget (%.0f%% saved, in-sample)%n", c.spec(), c.meanSamples(),
                c.fullBudget(), 100 * c.saving());
        o.printf("guarantee: %s%n", c.guarantee());
        c.crossFitted().ifPresent(x -> o.printf("cross-fitted (%d folds x %d repeats): %s %.4f at %.2f samples%s%n", x.folds(), x.repeats(),
                c.risk(), x.risk(), x.meanSamples(), x.accuracy().map(a -> String.format("; accuracy %.4f vs %.4f at the full budget", a,
                        x.fullAccuracy().orElseThrow())).orElse("")));
        for (String n : c.notes()) o.println("note: " + n);
    }

    static void splits(PrintWriter o, boolean json, Provenance from, Losses l, HeldOut.Result r, double epsilon, double delta,
                       int orders, long seed) {
        if (json) {
            var d = JsonOut.object();
            d.put("splits", r.pairs());
            d.put("exceeded", r.exceeded());
            d.put("epsilon", epsilon);
            d.put("delta", delta);
            d.put("mean_samples", r.samples());
            d.put("max_samples", l.budget());
            d.put("risk", l.risk().label());
            d.put("mean_realised_risk", r.risk());
            d.put("questions", l.questions());
            d.put("calibration_questions", l.questions() / 2);
            d.put("orders", orders);
            d.put("seed", seed);
            d.put("model", from.model());
            d.put("data", from.data());
            r.accuracy().ifPresent(a -> d.put("accuracy", a));
            r.fullAccuracy().ifPresent(a -> d.put("full_accuracy", a));
            var chosen = d.putObject("chosen");
            r.chosen().forEach(chosen::put);
            JsonOut.print(o, d);
            return;
        }
        o.printf("split test on %s: %d random halves of %d questions (%d orders, seed %d); calibrate on %d, evaluate on %d%n", from.data(),
                r.pairs(), l.questions(), orders, seed, l.questions() / 2, l.questions() - l.questions() / 2);
        o.printf("risk %s, epsilon %s, delta %s: realised risk above epsilon in %d of %d splits (allowed: %.0f)%n", l.risk().label(),
                epsilon, delta, r.exceeded(), r.pairs(), delta * r.pairs());
        o.printf("mean samples per question on the evaluation halves: %.2f of %d; mean realised risk %.4f%n", r.samples(), l.budget(), r.risk());
        o.printf("settings chosen: %s%n", r.chosen());
        o.flush();
    }
}
