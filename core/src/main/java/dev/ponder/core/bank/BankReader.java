package dev.ponder.core.bank;

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
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a bank folder. A bad line (malformed JSON, a missing or mistyped field, an unknown problem) is reported
 * with its file and line and skipped; every good line is kept. A missing folder or file is an error naming the path.
 */
public final class BankReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BankReader() {}

    public static Bank read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "bank folder not found: " + dir
                    + " (a bank is a folder with bank.json, problems.jsonl and samples.jsonl)");
        }
        Path meta = dir.resolve("bank.json");
        JsonNode m;
        try {
            m = JSON.readTree(TextFiles.read(meta, "bank file"));
        } catch (JsonProcessingException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, meta + ":" + JsonErrors.where(e) + ": not valid JSON: "
                    + JsonErrors.what(e), e);
        }
        if (m == null || !m.isObject()) throw PonderException.invalid("%s: expected a JSON object with name, model, domain, answer_kind", meta);
        List<LineIssue> issues = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Path pf = dir.resolve("problems.jsonl");
        JsonLines.read(pf, issues, (node, line) -> {
            String id = text(node, "id");
            if (!ids.add(id)) throw new IllegalArgumentException("duplicate problem id \"" + id + "\"");
            Map<String, Object> extra = new LinkedHashMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("id") && !f.equals("question") && !f.equals("reference")) extra.put(f, node.get(f).asText());
            }
            problems.add(new Problem(id, text(node, "question"), text(node, "reference"), extra));
        });
        Map<String, List<RecordedSample>> samples = new LinkedHashMap<>();
        for (Problem p : problems) samples.put(p.id(), new ArrayList<>());
        Path sf = dir.resolve("samples.jsonl");
        JsonLines.read(sf, issues, (node, line) -> {
            String pid = text(node, "problem_id");
            List<RecordedSample> list = samples.get(pid);
            if (list == null) throw new IllegalArgumentException("problem_id \"" + pid + "\" is not in problems.jsonl");
            JsonNode idx = node.get("index");
            if (idx == null || !idx.canConvertToInt()) throw new IllegalArgumentException("field \"index\" must be an integer");
            JsonNode correct = node.get("correct");
            if (correct == null || !correct.isBoolean()) throw new IllegalArgumentException("field \"correct\" must be true or false");
            JsonNode answer = node.get("answer");
            Optional<Double> tokens = number(node, "output_tokens");
            Optional<Double> cost = number(node, "cost_usd");
            if (tokens.orElse(0.0) < 0 || cost.orElse(0.0) < 0) {
                issues.add(new LineIssue(sf, line, "negative output_tokens " + tokens.orElse(0.0) + " / cost_usd " + cost.orElse(0.0)
                        + ": sample kept, its tokens and cost treated as unknown"));
                tokens = Optional.empty();
                cost = Optional.empty();
            }
            Optional<Double> confidence = number(node, "confidence");
            if (confidence.isPresent() && !(confidence.get() >= 0 && confidence.get() <= 1)) {
                issues.add(new LineIssue(sf, line, "confidence " + confidence.get() + " is not in [0, 1]: sample kept without it"));
                confidence = Optional.empty();
            }
            list.add(new RecordedSample(pid, idx.asInt(), text(node, "text"),
                    answer == null || answer.isNull() ? "" : answer.asText(), correct.asBoolean(),
                    number(node, "score"), tokens, cost, confidence));
        });
        samples.values().forEach(l -> l.sort(Comparator.comparingInt(RecordedSample::index)));
        return new Bank(dir, m.path("name").asText(dir.getFileName().toString()), m.path("model").asText("unknown"),
                m.path("domain").asText(""), m.path("answer_kind").asText(""), m.path("license").asText(""),
                problems, samples, issues);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("missing field \"" + field + "\"");
        if (!v.isTextual() && !v.isNumber()) throw new IllegalArgumentException("field \"" + field + "\" must be a string");
        return v.asText();
    }

    private static Optional<Double> number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isNumber()) throw new IllegalArgumentException("field \"" + field + "\" must be a number");
        return Optional.of(v.asDouble());
    }

}
