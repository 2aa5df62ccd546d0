package dev.ponder.lab.store;

import java.time.Instant;

/** A run as the {@code runs} table holds it. */
public record RunInfo(String runId, String planName, String planFile, String planHash, String planText, Instant startedAt) {}
