package dev.ponder.core.calibrate;

import dev.ponder.core.model.Sample;
import java.util.List;
import java.util.Objects;

/**
 * One calibration question: every sample drawn for it at the full budget, in the order they were drawn. Samples may
 * carry a score or a confidence (then votes are weighted) and a recorded label (then accuracy can be measured).
 */
public record Question(String id, List<Sample> samples) {
    public Question {
        Objects.requireNonNull(id, "id");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) throw new IllegalArgumentException("question " + id + " has no samples");
    }

    /** True when any sample carries a score or a confidence, so votes are weighted. */
    public boolean weighted() { return samples.stream().anyMatch(s -> s.score().isPresent() || s.confidence().isPresent()); }

    /** True when every sample carries a recorded label. */
    public boolean labelled() { return samples.stream().allMatch(s -> s.recordedCorrect().isPresent()); }
}
