package dev.ponder.lab.plan;

import dev.ponder.core.answer.AnswerExtractor;
import java.util.Optional;

/**
 * Where problems come from: a recorded {@code bank} folder (replayed) or a {@code problems} JSONL file (sent to a
 * live backend). Paths are relative to the plan file. {@code limit} keeps the first N problems; {@code extractor}
 * overrides the answer extractor chosen from the data ({@code semantic} or {@code usc} group free-form replies).
 */
public record SourceSpec(Optional<String> bank, Optional<String> problems, Optional<Integer> limit, Optional<String> extractor) {
    public SourceSpec {
        bank = bank == null ? Optional.empty() : bank;
        problems = problems == null ? Optional.empty() : problems;
        limit = limit == null ? Optional.empty() : limit;
        extractor = extractor == null ? Optional.empty() : extractor;
        if (bank.isPresent() == problems.isPresent()) {
            throw new IllegalArgumentException("a source needs exactly one of \"bank\" (a bank folder) or \"problems\" (a JSONL file)");
        }
        extractor.ifPresent(e -> {
            if (!e.equalsIgnoreCase("semantic")) AnswerExtractor.forName(e);
        });
        limit.ifPresent(l -> {
            if (l < 1) throw new IllegalArgumentException("limit must be >= 1, was " + l);
        });
    }

    public static SourceSpec bank(String path) {
        return new SourceSpec(Optional.of(path), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isBank() { return bank.isPresent(); }

    public String path() { return bank.or(() -> problems).orElseThrow(); }
}
