package dev.ponder.lab.cost;

/** A tier's observed time per query: the median and the 95th percentile (linear interpolation, NumPy's default). */
public record Latency(int queries, double p50Seconds, double p95Seconds) {}
