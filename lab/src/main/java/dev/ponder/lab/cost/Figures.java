package dev.ponder.lab.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** How a cost plan's figures are written, the same in the text tables and the HTML report. */
public final class Figures {
    private Figures() {}

    /** Dollars: whole above 1,000, cents above 1, else three significant digits. */
    public static String money(double v) {
        if (v == 0) return "0";
        if (v >= 1000) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return significant(v, 3);
    }

    /** A share such as 0.8, 0.04998 or 0.00002. */
    public static String share(double v) { return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString(); }

    /** {@code digits} significant digits without trailing zeros; scientific below 0.0001. */
    static String significant(double v, int digits) {
        if (v == 0) return "0";
        if (Math.abs(v) < 1e-4) return String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    public static String count(double v) {
        return v == Math.rint(v) || v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String seconds(double v) { return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : significant(v, 3); }

    public static String factor(double v) { return significant(v, 3); }

    /** {@code now}, {@code 2.3 y}, or {@code never}. */
    public static String years(OptionalDouble y) {
        if (y.isEmpty()) return "never";
        return y.getAsDouble() == 0 ? "now" : String.format(Locale.ROOT, "%.1f y", y.getAsDouble());
    }

    /** The class's deadline against its tiers' observed latency, in words. */
    public static String verdict(ClassCost c) {
        return switch (c.deadline()) {
            case Deadline.None n -> "no deadline";
            case Deadline.Meets m -> "meets it: p95 " + seconds(m.p95Seconds()) + " s";
            case Deadline.Unknown u -> "unknown: no latency observed for " + u.unobserved().stream().map(TierSpec::name).collect(Collectors.joining(", "))
                    + alternative(u.cheapest());
            case Deadline.Misses m -> "MISSES it: " + m.late().stream()
                    .map(t -> t.tier().name() + " p95 " + seconds(t.latency().orElseThrow().p95Seconds()) + " s").collect(Collectors.joining(", "))
                    + (m.cheapest().isEmpty() ? "; no tier in the workload is observed to meet it" : alternative(m.cheapest()));
        };
    }

    private static String alternative(Optional<Deadline.Alternative> a) {
        return a.map(x -> "; cheapest tier in the workload meeting it: " + x.tier().name() + " ($" + money(x.dollarsPerQuery()) + "/query, p95 "
                + seconds(x.latency().p95Seconds()) + " s)").orElse("");
    }

    /** The class's deadline as the workload writes it ({@code 30s}, {@code 2h}), or {@code -}. */
    public static String deadline(ClassCost c) { return c.queryClass().deadline().map(String::strip).orElse("-"); }
}
