package dev.ponder.core.verify.java;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import dev.ponder.core.json.TextFiles;
import dev.ponder.core.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a HumanEval-X Java or MBJP JSONL file: {@code task_id}, {@code prompt}, {@code test}, optional
 * {@code canonical_solution} (the reference, empty when null). Extra fields keep {@code prompt} and {@code test}.
 */
public final class JavaProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JavaProblems() {}

    public static List<Problem> load(Path file) {
        if (!Files.isRegularFile(file)) throw new PonderException(PonderException.Kind.NOT_FOUND, "no such problems file: " + file);
        List<String> lines = TextFiles.read(file, "problems file").lines().toList();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String where = file + ":" + (i + 1);
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw PonderException.invalid("%s: not JSON: %s", where, JsonErrors.what(e));
            }
            String id = text(row, "task_id", where);
            String prompt = text(row, "prompt", where);
            String test = text(row, "test", where);
            JsonNode reference = row.get("canonical_solution");
            Map<String, Object> extra = new HashMap<>();
            extra.put("prompt", prompt);
            extra.put("test", test);
            extra.put("language", "java");
            problems.add(new Problem(id, prompt, reference == null || reference.isNull() ? "" : reference.asText(), extra));
        }
        return List.copyOf(problems);
    }

    private static String text(JsonNode row, String field, String where) {
        JsonNode v = row.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw PonderException.invalid("%s: missing field '%s'", where, field);
        return v.asText();
    }
}
