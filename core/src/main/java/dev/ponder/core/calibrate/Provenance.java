package dev.ponder.core.calibrate;

import java.util.Objects;
import java.util.Optional;

/**
 * What a calibration was made for and from: the model and answer kind (the answer extractor's name: {@code exact},
 * {@code number}, {@code boxed}, {@code choice}, {@code code}) it applies to, the dataset when known (a bank's name),
 * and where the samples came from (a bank folder, a stored run), in words.
 */
public record Provenance(String model, String answerKind, Optional<String> dataset, String data) {
    public Provenance {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(answerKind, "answerKind");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(data, "data");
    }
}
