package dev.ponder.stats.fit;

/** A fitted curve and how well it fits the points it was fitted on. */
public record CurveFit<C extends Curve>(C curve, Goodness goodness) {}
