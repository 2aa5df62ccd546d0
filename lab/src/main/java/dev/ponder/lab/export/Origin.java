package dev.ponder.lab.export;

/**
 * Where a sample came from, enough to find it again: the stored run ({@code bank} for a bank export), the source
 * (bank or problem set), the configuration and its strategy ({@code recorded} for a bank's own samples), the model.
 */
record Origin(String run, String source, String config, String strategy, String model) {}
