package dev.ponder.lab.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a training file line by line against the documented formats (docs/export.md): every line one JSON object
 * of the same kind, chat ({@code messages}) or preference ({@code prompt}, {@code chosen}, {@code rejected}), with
 * optional {@code metadata}. The rules of the conversations are in {@link Conversation}.
 */
public final class FormatCheck {
    /** The smallest training file OpenAI's fine-tuning API accepts. */
    static final int OPENAI_MINIMUM = 10;

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public enum Kind {
        CHAT("chat fine-tuning (messages)"), PREFERENCE("preference pairs (prompt, chosen, rejected)");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** What is wrong with one line (1-based). */
    public record Issue(long line, String problem) {}

    /** A file's verdict: its kind (empty when no line said), its lines, the first issue of each bad line, and notes. */
    public record Report(Path file, Optional<Kind> kind, long lines, List<Issue> issues, List<String> notes) {
        public Report {
            issues = List.copyOf(issues);
            notes = List.copyOf(notes);
        }

        public boolean valid() { return issues.isEmpty(); }
    }

    private FormatCheck() {}

    public static Report check(Path file) {
        List<Issue> issues = new ArrayList<>();
        Optional<Kind> kind = Optional.empty();
        long line = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                boolean bom = line == 1 && s.startsWith("\uFEFF");
                if (bom) s = s.substring(1);
                Optional<Kind> k = parse(s).flatMap(FormatCheck::kindOf);
                if (kind.isEmpty()) kind = k;
                Optional<String> problem = bom ? Optional.of("the file starts with a byte order mark (U+FEFF): save it as UTF-8 without one") : problem(s, kind);
                long at = line;
                problem.ifPresent(p -> issues.add(new Issue(at, p)));
            }
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "file not found: " + file);
        } catch (CharacterCodingException e) {
            // the reader stops at the first byte that is not UTF-8: the rest of the file is not judged
            issues.add(new Issue(++line, "not UTF-8 text (the lines after it are not checked)"));
        } catch (IOException e) {
            throw PonderException.invalid("cannot read %s: %s", file, e.getMessage());
        }
        if (line == 0) issues.add(new Issue(0, "the file is empty: a training file has one JSON object per line"));
        List<String> notes = new ArrayList<>();
        if (kind.equals(Optional.of(Kind.CHAT)) && line > 0 && line < OPENAI_MINIMUM) {
            notes.add(line + " line(s): OpenAI's fine-tuning API needs at least " + OPENAI_MINIMUM + " examples");
        }
        return new Report(file, kind, line, issues, notes);
    }

    private static Optional<Kind> kindOf(JsonNode n) {
        if (!n.isObject()) return Optional.empty();
        if (n.has("messages")) return Optional.of(Kind.CHAT);
        if (n.has("prompt") || n.has("chosen") || n.has("rejected")) return Optional.of(Kind.PREFERENCE);
        return Optional.empty();
    }

    /** The first thing wrong with a line, when anything is. */
    static Optional<String> problem(String s, Optional<Kind> fileKind) {
        if (s.isBlank()) return Optional.of("blank line (JSONL holds one JSON object per line)");
        JsonNode n;
        try {
            n = STRICT.readTree(s);
        } catch (JsonProcessingException e) {
            return Optional.of("not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) return Optional.of("not a JSON object");
        Optional<Kind> k = kindOf(n);
        if (k.isEmpty()) return Optional.of("neither a chat line (messages) nor a preference line (prompt, chosen, rejected)");
        if (fileKind.isPresent() && k.get() != fileKind.get()) {
            return Optional.of("a " + k.get().label() + " line in a file of " + fileKind.get().label());
        }
        JsonNode meta = n.get("metadata");
        if (meta != null && !meta.isObject()) return Optional.of("metadata must be an object");
        return switch (k.get()) {
            case CHAT -> Conversation.chat(n);
            case PREFERENCE -> Conversation.preference(n);
        };
    }

    private static Optional<JsonNode> parse(String s) {
        try {
            return Optional.ofNullable(STRICT.readTree(s));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
