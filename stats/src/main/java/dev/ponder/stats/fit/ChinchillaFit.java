package dev.ponder.stats.fit;

/**
 * A fitted Chinchilla law: parameters, the number of points used, the minimised Huber objective, and goodness of
 * fit in loss units.
 */
public record ChinchillaFit(ChinchillaLaw law, int points, double objective, Goodness goodness) {}
