package dev.ponder.cli.run;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.semantic.MiniLm;
import java.util.Optional;

/**
 * What {@code --answers} and {@code --extractor} ask for: how answers are read, and whether a bank's recorded answers
 * are used. {@code semantic} and {@code usc} group free-form replies (the in-process MiniLM model, or a judge call).
 */
record AnswerChoice(AnswerExtractor extractor, boolean recorded) {

    static AnswerChoice of(String answers, Optional<String> extractor, String dataKind) {
        return switch (answers) {
            case "recorded", "extract" -> new AnswerChoice(extractor.map(n -> named(n, "--extractor"))
                    .orElseGet(() -> AnswerExtractor.forKind(dataKind)), answers.equals("recorded"));
            case "semantic", "usc" -> {
                if (extractor.isPresent()) {
                    throw PonderException.invalid("--answers %s groups whole replies; drop --extractor %s", answers, extractor.get());
                }
                yield new AnswerChoice(named(answers, "--answers"), false);
            }
            default -> throw PonderException.invalid("--answers must be recorded, extract, semantic or usc, was \"%s\"", answers);
        };
    }

    /** An extractor or grouping by name; {@code semantic} is MiniLM at its calibrated threshold. */
    static AnswerExtractor named(String name, String option) {
        try {
            return AnswerExtractor.forName(name, Optional.of(MiniLm.grouping()));
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s: %s", option, e.getMessage());
        }
    }
}
