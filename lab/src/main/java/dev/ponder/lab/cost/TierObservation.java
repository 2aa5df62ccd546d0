package dev.ponder.lab.cost;

import java.util.List;
import java.util.Optional;

/**
 * What was observed of one tier: how many queries, their mean input and output tokens per query, their latency
 * when any source measured it (replayed banks record no time), and where the queries came from.
 */
public record TierObservation(String tier, int queries, double inputTokens, double outputTokens, Optional<Latency> latency,
                              List<String> sources) {}
