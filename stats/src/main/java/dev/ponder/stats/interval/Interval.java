package dev.ponder.stats.interval;

/**
 * A point estimate with a two-sided interval {@code [low, high]} at confidence {@code level} (for example 0.95).
 * Every number Ponder prints carries one of these.
 */
public record Interval(double estimate, double low, double high, double level) {
    public Interval {
        if (Double.isNaN(estimate) || Double.isNaN(low) || Double.isNaN(high)) {
            throw new IllegalArgumentException("interval has NaN: estimate=" + estimate + " low=" + low + " high=" + high);
        }
        if (low > high) throw new IllegalArgumentException("interval low " + low + " > high " + high);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("confidence level must be in (0,1), was " + level);
    }

    /** Half the width: the "+/-" of the estimate. */
    public double halfWidth() { return (high - low) / 2; }

    public boolean contains(double x) { return x >= low && x <= high; }

    @Override
    public String toString() { return String.format("%.4g [%.4g, %.4g]", estimate, low, high); }
}
