package dev.ponder.lab.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.bank.JsonLines;
import dev.ponder.core.bank.LineIssue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions answered in several meanings, each meaning written in several wordings: the pairs a similarity threshold
 * must group (two wordings of one meaning) and keep apart (two meanings of one question). One JSON object a line:
 * {@code {"id": "sky-blue", "question": "...", "meanings": [["wording", "wording"], ["wording", "wording"]]}}.
 * A line that cannot be used is reported in {@link #issues()} with its file and line, and skipped.
 */
public record CalibrationSet(Path file, List<Question> questions, List<LineIssue> issues) {

    /** One question: every meaning holds at least two wordings, and there are at least two meanings. */
    public record Question(String id, String question, List<List<String>> meanings) {
        public Question {
            meanings = meanings.stream().map(List::copyOf).toList();
        }
    }

    public CalibrationSet {
        questions = List.copyOf(questions);
        issues = List.copyOf(issues);
    }

    public static CalibrationSet read(Path file) {
        List<Question> qs = new ArrayList<>();
        List<LineIssue> issues = new ArrayList<>();
        JsonLines.read(file, issues, (node, line) -> qs.add(question(node)));
        if (qs.isEmpty()) throw new IllegalArgumentException(file + ": no usable question (see the lines reported above)");
        return new CalibrationSet(file, qs, issues);
    }

    private static Question question(JsonNode node) {
        String id = text(node, "id");
        JsonNode ms = node.get("meanings");
        if (ms == null || !ms.isArray() || ms.size() < 2) throw new IllegalArgumentException("\"meanings\" must be an array of at least two meanings");
        List<List<String>> meanings = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            JsonNode m = ms.get(i);
            if (!m.isArray() || m.size() < 2) throw new IllegalArgumentException("meanings[" + i + "] must be an array of at least two wordings");
            List<String> wordings = new ArrayList<>();
            for (int j = 0; j < m.size(); j++) {
                if (!m.get(j).isTextual() || m.get(j).asText().isBlank()) {
                    throw new IllegalArgumentException("meanings[" + i + "][" + j + "] must be a non-empty string");
                }
                wordings.add(m.get(j).asText());
            }
            meanings.add(wordings);
        }
        return new Question(id, node.has("question") ? node.get("question").asText() : "", meanings);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
        return v.asText();
    }
}
