package dev.ponder.cli.run;

import dev.ponder.lab.eval.Summary;
import java.io.PrintWriter;
import java.util.List;

/** Plain-text tables for the terminal. */
final class Tables {
    private Tables() {}

    static void print(PrintWriter out, String title, List<Summary> rows, boolean hasCost) {
        out.println();
        out.println(title);
        boolean thinking = rows.stream().anyMatch(r -> r.thinkingTokensPerProblem() > 0);
        out.printf("  %-14s %8s  %-17s %9s %12s%s %12s%n", "strategy", "accuracy", "95% interval", "samples", "out tokens",
                thinking ? String.format(" %12s", "of thinking") : "", hasCost ? "dollars" : "dollars*");
        for (Summary r : rows) {
            out.printf("  %-14s %8.4f  [%.4f, %.4f] %9.2f %12.1f%s %12.6f%n", r.strategy(), r.accuracy(), r.ciLow(), r.ciHigh(),
                    r.samplesPerProblem(), r.outputTokensPerProblem(),
                    thinking ? String.format(" %12.1f", r.thinkingTokensPerProblem()) : "", r.costPerProblem());
        }
        if (!hasCost) out.println("  * this bank records no tokens or cost");
    }
}
