package dev.ponder.core.bank;

import dev.ponder.core.model.Problem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recorded sample bank (format: shared/banks/README.md): its metadata, its problems in file order and each
 * problem's samples sorted by their recorded {@code index}. {@code issues} lists lines that were skipped.
 */
public record Bank(Path dir, String name, String model, String domain, String answerKind, String license,
                   List<Problem> problems, Map<String, List<RecordedSample>> samples, List<LineIssue> issues) {
    public Bank {
        problems = List.copyOf(problems);
        Map<String, List<RecordedSample>> copy = new LinkedHashMap<>();
        samples.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        samples = Collections.unmodifiableMap(copy);
        issues = List.copyOf(issues);
    }

    public List<RecordedSample> samplesOf(String problemId) { return samples.getOrDefault(problemId, List.of()); }

    /** The largest number of samples any problem has (the N of {@code vote@N-max}). */
    public int maxSamplesPerProblem() {
        return samples.values().stream().mapToInt(List::size).max().orElse(0);
    }

    public Optional<Problem> problem(String id) {
        return problems.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** True when samples carry recorded cost (so dollars are meaningful). */
    public boolean hasCost() {
        return samples.values().stream().flatMap(List::stream).anyMatch(s -> s.costUsd().isPresent());
    }
}
