package dev.ponder.core.trace;

import dev.ponder.core.model.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One internal call a strategy made: to a backend (samples), a verifier or a judge.
 * {@code error} is present when the call failed; its usage is what was consumed anyway.
 */
public record Call(int seq, String purpose, String backend, String model, int samples, Usage usage,
                   Instant startedAt, int attempts, List<String> verdicts, Optional<String> error) {
    public Call {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(startedAt, "startedAt");
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(error, "error");
    }
}
