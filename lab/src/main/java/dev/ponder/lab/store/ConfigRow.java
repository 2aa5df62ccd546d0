package dev.ponder.lab.store;

/** A configuration as the {@code configs} table holds it. */
public record ConfigRow(String configId, int ordinal, String source, String sourceKind, String domain, String backend,
                        String model, String strategy, String budget, long seed, double priceInput, double priceOutput) {}
