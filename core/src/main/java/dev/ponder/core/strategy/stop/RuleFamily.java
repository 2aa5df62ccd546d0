package dev.ponder.core.strategy.stop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stopping rule with one knob, and the settings calibration may choose from, ordered from conservative to
 * aggressive. The first setting never stops early (the full budget); the order and the grid are fixed here, before
 * any data is seen, as Learn then Test's fixed-sequence testing requires (a fine grid costs nothing: there is no
 * multiplicity along the sequence). Closed set: Adaptive-Consistency's Beta threshold, ESC's window and the
 * (weighted) margin.
 */
public sealed interface RuleFamily permits RuleFamily.Beta, RuleFamily.Esc, RuleFamily.Margin {

    /** The family's name as calibration files write it: {@code ac}, {@code esc} or {@code margin}. */
    String name();

    /** The settings for a full budget of {@code budget} samples, conservative first; the first is the full budget. */
    List<Double> settings(int budget);

    /** The rule at one setting. */
    StopRule rule(double setting);

    /** True when {@code setting} is the family's never-stop-early setting at this budget. */
    boolean full(double setting, int budget);

    /** Adaptive-Consistency's threshold: 1 (never), then 0.999 down to 0.75 (which always stops after one sample). */
    record Beta() implements RuleFamily {
        private static final double[] GRID = {0.999, 0.995, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.92, 0.9, 0.88, 0.85, 0.8, 0.75};

        @Override
        public String name() { return "ac"; }

        @Override
        public List<Double> settings(int budget) { return withFirst(1.0, GRID, 0, Double.POSITIVE_INFINITY); }

        @Override
        public StopRule rule(double setting) { return StopRule.beta(setting); }

        @Override
        public boolean full(double setting, int budget) { return setting >= 1; }
    }

    /** ESC's window: the whole budget (one window), then 10 down to 1. */
    record Esc() implements RuleFamily {
        private static final double[] GRID = {10, 8, 6, 5, 4, 3, 2, 1};

        @Override
        public String name() { return "esc"; }

        @Override
        public List<Double> settings(int budget) { return withFirst(budget, GRID, 0, budget); }

        @Override
        public StopRule rule(double setting) { return StopRule.esc((int) setting); }

        @Override
        public boolean full(double setting, int budget) { return setting >= budget; }
    }

    /**
     * The margin between the leader's and the runner-up's weight: the full budget, then whole margins when samples
     * weigh 1, or a finer grid below 4 when they carry scores or confidences (weights in [0, 1]).
     */
    record Margin(boolean weighted) implements RuleFamily {
        private static final double[] COUNTS = {8, 6, 5, 4, 3, 2, 1};
        private static final double[] WEIGHTS = {4, 3, 2.5, 2, 1.8, 1.5, 1.2, 0.99, 0.97, 0.95, 0.93, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.3};

        @Override
        public String name() { return "margin"; }

        @Override
        public List<Double> settings(int budget) { return withFirst(budget, weighted ? WEIGHTS : COUNTS, 0, budget); }

        @Override
        public StopRule rule(double setting) { return StopRule.margin(setting); }

        @Override
        public boolean full(double setting, int budget) { return setting >= budget; }
    }

    /** The families calibration tries, in a fixed order. */
    static List<RuleFamily> standard(boolean weighted) { return List.of(new Beta(), new Esc(), new Margin(weighted)); }

    /** A family by the name a calibration file gives. */
    static RuleFamily named(String name, boolean weighted) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ac" -> new Beta();
            case "esc" -> new Esc();
            case "margin" -> new Margin(weighted);
            default -> throw new IllegalArgumentException("unknown stopping rule \"" + name + "\"; known: ac, esc, margin");
        };
    }

    /** How a setting is written, e.g. {@code ac@0.85}, {@code margin@0.9}, or {@code full budget (40)}. */
    default String spec(double setting, int budget) {
        if (full(setting, budget)) return "full budget (" + budget + ")";
        return name() + "@" + (setting == Math.rint(setting) ? String.valueOf((long) setting) : String.valueOf(setting));
    }

    private static List<Double> withFirst(double first, double[] grid, double below, double above) {
        List<Double> out = new ArrayList<>();
        out.add(first);
        for (double g : grid) if (g > below && g < above) out.add(g);
        return List.copyOf(out);
    }
}
