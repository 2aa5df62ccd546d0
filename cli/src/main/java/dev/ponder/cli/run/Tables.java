package dev.ponder.cli.run;

import dev.ponder.lab.eval.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain-text tables for the terminal. Problems whose calls failed are a column of their own ({@code failed}, shown
 * when any failed) and accuracy is over the rest ({@code -} when none is left); a line under the table says why they
 * failed and, for think@T, which route the chains took.
 */
final class Tables {
    private Tables() {}

    static void print(PrintWriter out, String title, List<Summary> rows, boolean hasCost) {
        out.println();
        out.println(title);
        boolean thinking = rows.stream().anyMatch(r -> r.thinkingTokensPerProblem() > 0);
        boolean failed = rows.stream().anyMatch(r -> r.failed() > 0);
        out.printf("  %-14s %8s  %-17s%s %9s %12s%s %12s%n", "strategy", "accuracy", "95% interval", failed ? String.format(" %7s", "failed") : "",
                "samples", "out tokens", thinking ? String.format(" %12s", "of thinking") : "", hasCost ? "dollars" : "dollars*");
        for (Summary r : rows) {
            String acc = r.allFailed() ? String.format("%8s  %-17s", "-", "-")
                    : String.format("%8.4f  [%.4f, %.4f]", r.accuracy(), r.ciLow(), r.ciHigh());
            out.printf("  %-14s %s%s %9.2f %12.1f%s %12.6f%n", r.strategy(), acc, failed ? String.format(" %7d", r.failed()) : "",
                    r.samplesPerProblem(), r.outputTokensPerProblem(),
                    thinking ? String.format(" %12.1f", r.thinkingTokensPerProblem()) : "", r.costPerProblem());
        }
        if (!hasCost) out.println("  * this bank records no tokens or cost");
        for (Summary r : rows) {
            if (r.failed() > 0) {
                out.printf("  %s: %d of %d problems failed (%s)%s; e.g. %s%n", r.strategy(), r.failed(), r.problems(), kinds(r.failures()),
                        r.allFailed() ? "" : ", accuracy is over the rest", r.failureExample().orElse("no error recorded"));
            }
            if (!r.thinkRoutes().isEmpty()) out.printf("  %s: chains ran by %s%n", r.strategy(), String.join(", ", r.thinkRoutes()));
        }
    }

    static String kinds(Map<String, Integer> failures) {
        return failures.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
