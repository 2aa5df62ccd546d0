package dev.ponder.lab.store;

import java.util.List;

/** What one finished unit of work writes: its outcome row, its samples and its decisions, in one transaction. */
public record Unit(StoredOutcome outcome, List<StoredSample> samples, List<StoredDecision> decisions) {
    public Unit {
        samples = List.copyOf(samples);
        decisions = List.copyOf(decisions);
    }

    /** The resume key: configuration id and problem id. */
    public String key() { return key(outcome.configId(), outcome.problemId()); }

    public static String key(String configId, String problemId) { return configId + "\u0000" + problemId; }
}
