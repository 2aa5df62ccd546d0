package dev.ponder.lab.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy's stored completions ({@code store: true}, one JSON line each, see docs/proxy.md#stored-completions) as
 * an export's harvest: each request is one group (its last user message the problem, {@code ponder.reference} its
 * reference), its samples the draws (a relayed request, which keeps no samples, gives its choices), and the answer it
 * settled on the final answer. The proxy's {@code metadata} travels in the origin's source. Requests repeat questions
 * freely, so each keeps its own id (its completion id).
 */
final class StoredHarvest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredHarvest() {}

    static Harvest read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw PonderException.invalid("no such file: %s (the proxy's stored completions: ponder-stored.jsonl beside its ledger)", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                groups.add(group(JSON.readTree(lines.get(i)), file));
            } catch (IOException | IllegalArgumentException e) {
                throw PonderException.invalid("line %d of %s: not a stored completion (%s)", i + 1, file, e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new Harvest("stored completions " + file, groups);
    }

    private static Group group(JsonNode n, Path file) {
        String id = text(n, "id");
        JsonNode p = n.path("ponder");
        String question = "";
        for (JsonNode m : n.path("request").path("messages")) if (m.path("role").asText().equals("user")) question = m.path("content").asText();
        if (question.isEmpty()) throw new IllegalArgumentException("no user message under request.messages");
        Problem problem = new Problem(id, question, n.path("request").path("reference").asText(""), Map.of());
        String strategy = p.path("strategy").asText("single");
        Origin origin = new Origin("proxy", file.getFileName() + metadata(n.path("metadata")), id, strategy, p.path("served_model").asText(text(n, "model")));
        List<Draw> draws = new ArrayList<>();
        for (JsonNode s : p.path("samples")) {
            draws.add(new Draw(draws.size(), s.path("text").asText(), s.path("answer").asText(""),
                    s.path("verdict").isBoolean() ? Optional.of(s.path("verdict").asBoolean()) : Optional.empty(), number(s, "input_tokens"),
                    number(s, "output_tokens"), number(s, "dollars")));
        }
        String answer = p.path("answer").asText("");
        if (draws.isEmpty()) {
            for (JsonNode c : n.path("choices")) {
                String text = c.path("message").path("content").asText("");
                draws.add(new Draw(draws.size(), text, draws.isEmpty() ? answer : text, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
            }
        }
        return new Group(origin, "", problem, draws, answer.isBlank() ? Optional.empty() : Optional.of(answer));
    }

    private static String metadata(JsonNode m) {
        if (!m.isObject() || m.isEmpty()) return "";
        List<String> pairs = new ArrayList<>();
        m.properties().forEach(e -> pairs.add(e.getKey() + "=" + e.getValue().asText()));
        return " " + pairs;
    }

    private static String text(JsonNode n, String field) {
        if (!n.path(field).isTextual()) throw new IllegalArgumentException(field + " is missing");
        return n.path(field).asText();
    }

    private static Optional<Double> number(JsonNode n, String field) {
        return n.path(field).isNumber() ? Optional.of(n.path(field).asDouble()) : Optional.empty();
    }
}
