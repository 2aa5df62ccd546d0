package dev.ponder.server.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model's live calibration kept across restarts, in the {@code calibration.store} folder: its questions as JSON lines
 * ({@code MODEL.questions.jsonl}: each question's id and its samples' answers and confidences, in the order drawn; no
 * texts) and its current calibration ({@code MODEL.calibration.json}, a file {@code adaptive:FILE.json} and
 * {@code ponder calibrate}'s readers take). A torn last line (a crash while appending) is skipped.
 */
final class QuestionLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path questions;
    private final Path calibration;

    QuestionLog(Path dir, String model) {
        String safe = model.replaceAll("[^A-Za-z0-9._-]", "_");
        this.questions = dir.resolve(safe + ".questions.jsonl");
        this.calibration = dir.resolve(safe + ".calibration.json");
    }

    /** The questions kept so far (none when the file does not exist). */
    List<Question> read() {
        if (!Files.exists(questions)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(questions, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PonderException.invalid("cannot read the calibration questions %s: %s", questions, e.getMessage());
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                out.add(question(JSON.readTree(lines.get(i))));
            } catch (IOException | RuntimeException e) {
                if (i < lines.size() - 1) throw PonderException.invalid("%s:%d: not a calibration question: %s", questions, i + 1, e.getMessage());
            }
        }
        return out;
    }

    synchronized void append(Question q) {
        ObjectNode n = JSON.createObjectNode().put("id", q.id());
        ArrayNode samples = n.putArray("samples");
        for (Sample s : q.samples()) {
            ObjectNode x = samples.addObject().put("answer", s.answer());
            s.confidence().ifPresent(c -> x.put("confidence", c));
        }
        try {
            Files.createDirectories(questions.getParent());
            Files.writeString(questions, n + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + questions, e);
        }
    }

    void write(Calibration c) { CalibrationFile.write(calibration, c); }

    private static Question question(JsonNode n) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : n.path("samples")) {
            Optional<Double> c = s.path("confidence").isNumber() ? Optional.of(s.path("confidence").asDouble()) : Optional.empty();
            samples.add(new Sample(samples.size(), "", "", s.path("answer").asText(""), Usage.ZERO, Optional.empty(), Optional.empty(), "sample", c));
        }
        return new Question(n.path("id").asText(), samples);
    }
}
