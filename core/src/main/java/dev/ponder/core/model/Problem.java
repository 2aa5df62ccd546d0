package dev.ponder.core.model;

import java.util.Map;
import java.util.Objects;

/** A question with its reference answer (may be empty when none is known) and any extra fields of its source. */
public record Problem(String id, String question, String reference, Map<String, Object> extra) {
    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(reference, "reference");
        if (id.isBlank()) throw new IllegalArgumentException("problem id is blank");
        extra = Map.copyOf(extra);
    }

    public Problem(String id, String question, String reference) {
        this(id, question, reference, Map.of());
    }
}
