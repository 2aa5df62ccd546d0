package dev.ponder.stats.fit;

/**
 * A fitted over-training law: the law, the number of runs it was fitted on, the minimised sum of squared loss
 * residuals, and goodness of fit on those runs (loss units).
 */
public record OvertrainFit(OvertrainLaw law, int points, double sse, Goodness goodness) {}
