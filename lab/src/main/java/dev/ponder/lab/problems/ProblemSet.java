package dev.ponder.lab.problems;

import dev.ponder.core.bank.LineIssue;
import dev.ponder.core.model.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * Problems read from a JSONL file, with the answer kind guessed from its fields ({@code number} for GSM8K,
 * {@code boxed} for MATH, {@code code} for HumanEval/MBPP) and the lines that could not be read.
 */
public record ProblemSet(Path file, String name, String answerKind, List<Problem> problems, List<LineIssue> issues) {
    public ProblemSet {
        problems = List.copyOf(problems);
        issues = List.copyOf(issues);
    }
}
