package dev.ponder.lab.problems;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.bank.JsonLines;
import dev.ponder.core.bank.LineIssue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a problem set in JSONL. It understands the shipped formats and a plain one:
 * <ul>
 *   <li>plain: {@code id}, {@code question}, {@code reference};</li>
 *   <li>GSM8K: {@code question}, {@code answer} (the text after {@code ####} is the reference) or {@code final_answer};</li>
 *   <li>MATH / MATH-500: {@code problem}, {@code answer}, {@code unique_id};</li>
 *   <li>HumanEval-X / MBJP (Java): {@code task_id}, {@code prompt}, {@code canonical_solution}, {@code test}.</li>
 * </ul>
 * Other fields are kept in {@link Problem#extra()}. A bad line is reported with its file and line; the rest is read.
 */
public final class ProblemSetReader {
    private ProblemSetReader() {}

    public static ProblemSet read(Path file) {
        List<Problem> problems = new ArrayList<>();
        List<LineIssue> issues = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] kind = {"exact"};
        try {
            JsonLines.read(file, issues, (n, line) -> {
                Problem p = problem(n, line);
                if (!ids.add(p.id())) throw new IllegalArgumentException("duplicate id \"" + p.id() + "\"");
                problems.add(p);
                if (problems.size() == 1) kind[0] = kindOf(n);
            });
        } catch (PonderException e) {
            if (e.kind() == PonderException.Kind.NOT_FOUND) throw new PonderException(PonderException.Kind.NOT_FOUND, "problem set not found: " + file);
            throw e;
        }
        if (problems.isEmpty()) {
            throw PonderException.invalid("%s: no usable problems%s", file, issues.isEmpty() ? "" : "; first problem: " + issues.getFirst());
        }
        String name = file.getParent() == null ? file.toString() : file.getParent().getFileName() + "/" + file.getFileName();
        return new ProblemSet(file, name, kind[0], problems, issues);
    }

    static Problem problem(JsonNode n, long line) {
        String id = first(n, "id", "task_id", "unique_id", "idx");
        if (id == null) id = "line-" + line;
        String question = first(n, "question", "problem", "prompt");
        if (question == null) throw new IllegalArgumentException("no question: expected a field \"question\", \"problem\" or \"prompt\"");
        String reference = first(n, "reference", "final_answer");
        if (reference == null) {
            String answer = first(n, "answer");
            if (answer != null) {
                int hashes = answer.lastIndexOf("####");
                reference = hashes >= 0 ? answer.substring(hashes + 4).strip().replace(",", "") : answer;
            }
        }
        if (reference == null) reference = first(n, "canonical_solution");
        if (reference == null) reference = "";
        Map<String, Object> extra = new LinkedHashMap<>();
        for (var e : n.properties()) {
            switch (e.getKey()) {
                case "id", "question", "reference" -> { }
                default -> extra.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return new Problem(id, question, reference, extra);
    }

    static String kindOf(JsonNode n) {
        if (n.has("canonical_solution") || n.has("test")) return "code";
        if (n.has("problem") && n.has("answer")) return "math";
        if (n.has("final_answer") || (n.has("answer") && n.get("answer").asText().contains("####"))) return "number";
        return "exact";
    }

    private static String first(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull() && (v.isTextual() || v.isNumber())) return v.asText();
        }
        return null;
    }
}
