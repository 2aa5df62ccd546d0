package dev.ponder.cli.bench;

import dev.ponder.lab.bench.ThinkingReport;
import dev.ponder.lab.bench.ThinkingReport.Arm;
import dev.ponder.lab.bench.ThinkingReport.Match;
import java.io.PrintWriter;
import java.util.List;

/** The thinking bench as terminal tables. */
final class ThinkingText {
    private ThinkingText() { }

    static void print(PrintWriter out, ThinkingReport r, String source, String url, String family, String route) {
        out.printf("thinking bench: %s (%d problems), model %s at %s, family %s, route %s%n", source, r.problems(), r.model(), url, family, route);
        Arm n = r.natural();
        out.printf("natural chain (single): accuracy %.3f [%.3f, %.3f], %.1f output tokens (%.1f thinking) per problem%n",
                n.accuracy(), n.ciLow(), n.ciHigh(), n.outputTokens(), n.thinkingTokens());
        out.printf("%nthink@T holds its budget (thinking tokens per chain):%n");
        out.printf("  %7s %9s %7s %7s %11s %6s %6s%n", "T", "mean", "min", "max", "within 10%", "waits", "calls");
        for (var h : r.budgets()) {
            out.printf("  %7d %9.1f %7d %7d %10.0f%% %6.2f %6.2f%n", h.budget(), h.meanThinking(), h.minThinking(), h.maxThinking(),
                    100 * h.within10(), h.meanWaits(), h.meanCalls());
        }
        out.printf("%nsequential (think@T) vs parallel (vote@N) at matched output tokens (ratio = vote / think tokens):%n");
        table(out, r.matches());
        for (var d : r.domains()) {
            out.printf("%ndomain %s (%d problems):%n", d.domain(), d.problems());
            table(out, d.matches());
        }
    }

    private static void table(PrintWriter out, List<Match> ms) {
        out.printf("  %-11s %-19s %8s   %-9s %-19s %8s %6s   %-24s %s%n", "think@T", "accuracy [95% CI]", "out tok", "vote@N",
                "accuracy [95% CI]", "out tok", "ratio", "think - vote [95% CI]", "winner");
        for (Match m : ms) {
            out.printf("  %-11s %s %8.1f   %-9s %s %8.1f %6.2f   %+.3f [%+.3f, %+.3f]   %s%n", m.think().strategy(), acc(m.think()),
                    m.think().outputTokens(), m.vote().strategy(), acc(m.vote()), m.vote().outputTokens(), m.tokenRatio(),
                    m.difference(), m.diffLow(), m.diffHigh(), m.winner());
        }
    }

    private static String acc(Arm a) { return String.format("%.3f [%.3f, %.3f]", a.accuracy(), a.ciLow(), a.ciHigh()); }
}
