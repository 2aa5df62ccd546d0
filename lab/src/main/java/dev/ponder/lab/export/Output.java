package dev.ponder.lab.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an export's files all or none: each to a temporary file beside its target, the training files checked by
 * {@link FormatCheck}, then all moved into place. A failure before the moves leaves every target as it was.
 */
public final class Output {

    /** A file to write: its target, what it holds, its lines, and whether {@link FormatCheck} must pass it. */
    record Planned(Path target, String what, List<ObjectNode> lines, boolean checked) {}

    /** A file written: where, what it holds, its lines. */
    public record Written(Path path, String what, int lines) {}

    private Output() {}

    /** {@code dir/name.jsonl} with {@code tag} inserted before the extension: {@code name.tag.jsonl}. */
    static Path sibling(Path file, String tag) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + "." + tag + name.substring(dot) : name + "." + tag;
        return file.resolveSibling(renamed);
    }

    static List<Written> write(List<Planned> plan) {
        List<Path> temps = new ArrayList<>();
        try {
            for (Planned p : plan) {
                Path dir = p.target().toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path tmp = dir.resolve("." + p.target().getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.deleteIfExists(tmp);
                temps.add(tmp);
                StringBuilder text = new StringBuilder();
                for (ObjectNode line : p.lines()) text.append(Lines.JSON.writeValueAsString(line)).append('\n');
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (p.checked()) {
                    FormatCheck.Report report = FormatCheck.check(tmp);
                    if (!report.valid()) {
                        FormatCheck.Issue i = report.issues().getFirst();
                        throw new PonderException(PonderException.Kind.INTERNAL, "the export made an invalid line for " + p.target() + " (line "
                                + i.line() + ": " + i.problem() + "); nothing written");
                    }
                }
            }
            List<Written> out = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Planned p = plan.get(i);
                Files.move(temps.get(i), p.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.add(new Written(p.target(), p.what(), p.lines().size()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write a line as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // the file and the reason, without the exception's class: "x.jsonl: Is a directory"
            String why = e instanceof FileSystemException f ? f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason()) : e.getMessage();
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the export: " + why, e);
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless; the targets are what matter
                }
            }
        }
    }
}
