package dev.ponder.stats.bootstrap;

import dev.ponder.stats.interval.Interval;

/** A bootstrap result: the statistic on the original data, the bootstrap standard error and a percentile interval. */
public record Estimate(double value, double stderr, Interval interval, int resamples) {
    public Estimate {
        if (resamples < 1) throw new IllegalArgumentException("resamples must be >= 1, was " + resamples);
    }

    public double low() { return interval.low(); }

    public double high() { return interval.high(); }
}
