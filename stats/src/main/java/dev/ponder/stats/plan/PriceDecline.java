package dev.ponder.stats.plan;

import java.util.OptionalDouble;

/**
 * A price that falls by a constant factor every year: after t years it is p(t) = p0 / r^t. Quoted rates are
 * often given over several years instead ("1,000x in 3 years", a16z's LLMflation); {@link #over} turns such a
 * multiple into the yearly factor m^(1/years), so rates quoted both ways can be compared.
 */
public record PriceDecline(double perYear) {
    public PriceDecline {
        if (!(perYear >= 1) || Double.isInfinite(perYear)) {
            throw new IllegalArgumentException("a yearly decline factor must be a finite number >= 1 (1 = flat, 3 = a third of the price each year), was " + perYear);
        }
    }

    /** The yearly factor that multiplies to {@code multiple} over {@code years}: 1,000x in 5 years is 3.98x a year. */
    public static PriceDecline over(double multiple, double years) {
        if (!(years > 0)) throw new IllegalArgumentException("years must be > 0, was " + years);
        if (!(multiple >= 1)) throw new IllegalArgumentException("the multiple must be >= 1, was " + multiple);
        return new PriceDecline(Math.pow(multiple, 1 / years));
    }

    /** How many times cheaper after {@code years}: r^t. */
    public double multipleAfter(double years) {
        return Math.pow(perYear, years);
    }

    /** The price after {@code years}: p0 / r^t. */
    public double priceAfter(double price0, double years) {
        if (!(price0 >= 0)) throw new IllegalArgumentException("price must be >= 0, was " + price0);
        return price0 / multipleAfter(years);
    }

    /**
     * Years until the price is at most {@code target}: log(p0 / target) / log r, 0 when it already is, empty when it
     * never gets there (a flat price above the target, or a target of 0 for a positive price).
     */
    public OptionalDouble yearsToReach(double price0, double target) {
        if (!(price0 >= 0)) throw new IllegalArgumentException("price must be >= 0, was " + price0);
        if (!(target >= 0)) throw new IllegalArgumentException("target must be >= 0, was " + target);
        if (price0 <= target) return OptionalDouble.of(0);
        if (perYear == 1 || target == 0) return OptionalDouble.empty();
        return OptionalDouble.of(Math.log(price0 / target) / Math.log(perYear));
    }
}
