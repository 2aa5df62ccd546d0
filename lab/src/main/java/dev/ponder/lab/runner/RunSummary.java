package dev.ponder.lab.runner;

import java.util.Optional;

/**
 * What one invocation of the runner did: units stored now and skipped as already stored, samples written, the time
 * spent writing them (for the ingest rate), the dollars spent and why it ended; for a run stopped by its dollar limit,
 * the refused call (what it would have reserved, what was left); how many units failed (a call failed after its
 * retries; stored as failed) and one such failure, {@code KIND: message}.
 */
public record RunSummary(String runId, long units, long stored, long skipped, long samples, double writeSeconds,
                         double dollars, Ending ending, Optional<String> refusal, long failed,
                         Optional<String> failureExample) {
    public enum Ending { COMPLETE, INTERRUPTED, MAX_DOLLARS }

    /** Samples written per second of write time. */
    public double ingestRate() { return writeSeconds > 0 ? samples / writeSeconds : 0; }
}
