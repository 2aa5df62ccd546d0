package dev.ponder.lab.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an export got out of its samples, problem by problem: how many problems have an accepted example, the
 * examples and pairs written (train and holdout), the problems with none (the frontier, where more compute should
 * go next) and what each exported example cost.
 */
public record Yield(String source, String accept, List<String> judgedBy, Optional<Recheck> recheck, List<ProblemYield> problems,
                    Set<String> holdout, long seed, Optional<Integer> cap, Spend spend) {
    /** Frontier problems named in the table; {@code --frontier FILE} lists them all. */
    private static final int SHOWN = 6;

    public Yield {
        judgedBy = List.copyOf(judgedBy);
        problems = List.copyOf(problems);
        holdout = Set.copyOf(holdout);
    }

    /** The same yield with {@code held} problems held out. */
    Yield withHoldout(Set<String> held) { return new Yield(source, accept, judgedBy, recheck, problems, held, seed, cap, spend); }

    public int withAccepted() { return (int) problems.stream().filter(p -> !p.kept().isEmpty()).count(); }

    public long judged() { return problems.stream().mapToLong(ProblemYield::judged).sum(); }

    public long acceptedSamples() { return problems.stream().mapToLong(ProblemYield::accepted).sum(); }

    public long distinct() { return problems.stream().mapToLong(ProblemYield::distinct).sum(); }

    /** Examples written to the training file ({@code heldOut} false) or to the holdout file. */
    public int examples(boolean heldOut) { return problems.stream().filter(p -> holdout.contains(p.key()) == heldOut).mapToInt(p -> p.kept().size()).sum(); }

    public int examples() { return examples(false) + examples(true); }

    public int pairs(boolean heldOut) { return problems.stream().filter(p -> holdout.contains(p.key()) == heldOut).mapToInt(p -> p.pairs().size()).sum(); }

    public int pairs() { return pairs(false) + pairs(true); }

    /** The problems with no accepted example. */
    public List<ProblemYield> frontier() { return problems.stream().filter(p -> p.kept().isEmpty()).toList(); }

    /** Number of problems by examples kept. */
    public SortedMap<Integer, Integer> histogram() {
        SortedMap<Integer, Integer> h = new TreeMap<>();
        problems.forEach(p -> h.merge(p.kept().size(), 1, Integer::sum));
        return h;
    }

    /** The table {@code ponder export} prints. */
    public List<String> table() {
        int n = problems.size(), with = withAccepted(), ex = examples();
        List<String> out = new ArrayList<>();
        out.add(source + ": --accept " + accept + " (" + String.join("; ", judgedBy) + ")");
        recheck.ifPresent(r -> out.add("  " + r));
        row(out, "problems", n, "");
        row(out, "with >= 1 accepted", with, pct(with, n));
        row(out, "samples judged", judged(), "of " + spend.samples() + " samples");
        row(out, "accepted samples", acceptedSamples(), distinct() + " distinct (" + (acceptedSamples() - distinct()) + " identical or blank dropped)");
        List<String> split = new ArrayList<>();
        cap.ifPresent(k -> split.add("at most " + k + " per problem"));
        if (!holdout.isEmpty()) {
            split.add("train " + examples(false) + ", holdout " + examples(true) + " (" + holdout.size() + " of " + with + " problems held out, seed " + seed + ")");
        }
        row(out, "exported examples", ex, String.join("; ", split));
        out.add(String.format(Locale.ROOT, "  %-22s %10.2f  over all %d problems; %.2f over the %d with >= 1", "mean per problem",
                n == 0 ? 0.0 : (double) ex / n, n, with == 0 ? 0.0 : (double) ex / with, with));
        out.add(String.format(Locale.ROOT, "  %-22s %10s  %s", "examples per problem", "", histogramText()));
        row(out, "preference pairs", pairs(), holdout.isEmpty() ? "" : "train " + pairs(false) + ", holdout " + pairs(true));
        spent(out, "dollars", spend.dollars(), spend.unknownDollars(), "%.4f", "%.6f");
        spent(out, "output tokens", spend.outputTokens(), spend.unknownOutput(), "%.1f", "%.1f");
        if (spend.inputTokens() > 0) spent(out, "input tokens", spend.inputTokens(), spend.unknownInput(), "%.1f", "%.1f");
        row(out, "frontier", frontier().size(), "problems with no accepted sample");
        boolean sources = problems.stream().map(ProblemYield::source).distinct().count() > 1;
        List<String> ids = frontier().stream().map(p -> (sources ? p.source() + ":" : "") + p.problem().id()).toList();
        if (!ids.isEmpty()) {
            out.add("  " + " ".repeat(34) + String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size())))
                    + (ids.size() > SHOWN ? ", ... (" + (ids.size() - SHOWN) + " more)" : ""));
        }
        return out;
    }

    private String histogramText() {
        List<String> parts = new ArrayList<>();
        histogram().forEach((k, v) -> parts.add(v + " with " + k));
        return "problems: " + String.join(", ", parts);
    }

    /** A cost row; a store keeps 0 where a bank recorded no cost, so a total of 0 reads as none recorded. */
    private void spent(List<String> out, String label, double total, long unknown, String totalFormat, String perFormat) {
        int ex = examples();
        String detail = total == 0 ? "none recorded" : "on " + (spend.samples() - unknown) + " samples" + unknown(unknown) + ": "
                + (ex == 0 ? "n/a" : String.format(Locale.ROOT, perFormat, total / ex)) + " per exported example";
        out.add(String.format(Locale.ROOT, "  %-22s %10s  %s", label, total == 0 ? "-" : String.format(Locale.ROOT, totalFormat, total), detail));
    }

    private static void row(List<String> out, String label, long value, String detail) {
        out.add(String.format(Locale.ROOT, "  %-22s %10d  %s", label, value, detail).stripTrailing());
    }

    private static String pct(long a, long b) { return b == 0 ? "" : String.format(Locale.ROOT, "(%.1f%%)", 100.0 * a / b); }

    private static String unknown(long n) { return n == 0 ? "" : " (" + n + " unknown)"; }
}
