package dev.ponder.cli.bench;

import dev.ponder.lab.bench.CrossFitBench;
import java.io.PrintWriter;

/** The cross-fitted table of {@code bench strategies --cross-fit K}. */
final class CrossFitText {
    private CrossFitText() {}

    static void print(PrintWriter out, CrossFitBench.Table t) {
        out.printf("  cross-fitted adaptive (%d folds x %d repeats, %d orders, delta %s): calibrated on the other folds, measured on the fold left out%n",
                t.folds(), t.repeats(), t.orders(), t.delta());
        out.printf("  %-22s %-13s %8s %9s %9s %10s  %s%n", "calibration", "risk", "epsilon", "accuracy", "samples", "realised", "folds over epsilon; chosen");
        out.printf("  %-22s %-13s %8s %9s %9.2f %10s  %s%n", "full budget", "-", "-", t.fullAccuracy().map(a -> String.format("%.4f", a)).orElse("-"),
                t.fullSamples(), "-", "");
        for (CrossFitBench.Row r : t.rows()) {
            out.printf("  %-22s %-13s %8s %9s %9.2f %10.4f  %d of %d; %s%n", r.method(), r.risk(), r.epsilon(),
                    r.accuracy().map(a -> String.format("%.4f", a)).orElse("-"), r.samples(), r.realisedRisk(), r.exceeded(), r.evaluated(), r.chosen());
        }
    }
}
