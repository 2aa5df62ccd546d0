package dev.ponder.core.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a JSONL file object by object. A line that is not a JSON object, or that the handler rejects with an
 * {@link IllegalArgumentException}, is recorded as a {@link LineIssue} (file, line, why) and skipped; every other line
 * is used. A missing file is NOT_FOUND naming it.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Takes one object and its 1-based line number; throws IllegalArgumentException to reject the line. */
    public interface Handler {
        void accept(JsonNode node, long line);
    }

    private JsonLines() {}

    public static void read(Path file, List<LineIssue> issues, Handler handler) {
        // a reader that replaces bytes that are not UTF-8 (a corrupted line then fails alone, as JSON), rather than failing the file
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String s;
            long line = 0;
            while ((s = r.readLine()) != null) {
                line++;
                if (line == 1) s = JsonErrors.stripBom(s);
                if (s.isBlank()) continue;
                try {
                    JsonNode node = JSON.readTree(s);
                    if (!node.isObject()) throw new IllegalArgumentException("expected a JSON object");
                    handler.accept(node, line);
                } catch (JsonProcessingException e) {
                    issues.add(new LineIssue(file, line, "malformed JSON: " + JsonErrors.what(e) + " (line skipped)"));
                } catch (IllegalArgumentException e) {
                    issues.add(new LineIssue(file, line, e.getMessage() + " (line skipped)"));
                }
            }
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "file not found: " + file);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot read " + file + ": " + (Files.isDirectory(file)
                    ? "it is a directory, not a file" : e.getMessage()), e);
        }
    }
}
