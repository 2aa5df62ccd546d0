package dev.ponder.core.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Calibration files: JSON, written and read with Jackson. A file that is not a calibration says so in one line naming
 * it (INVALID_INPUT); a missing one is NOT_FOUND. {@link #requireFor} refuses a calibration made for another model
 * or answer kind, naming both.
 */
public final class CalibrationFile {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationFile() {}

    public static Calibration read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "calibration file not found: " + file);
        } catch (IOException e) {
            throw PonderException.invalid("cannot read calibration file %s: %s", file, e.getMessage());
        }
    }

    /** Reads a calibration shipped as a resource. */
    static Calibration resource(String name) {
        try (InputStream in = CalibrationFile.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing shipped calibration " + name);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "resource " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped calibration " + name, e);
        }
    }

    static Calibration parse(String text, String where) {
        try {
            return JSON.readValue(text, Calibration.class);
        } catch (JsonProcessingException e) {
            throw PonderException.invalid("%s is not a calibration file: %s", where, firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("%s is not a valid calibration: %s", where, firstLine(e.getMessage()));
        }
    }

    public static void write(Path file, Calibration c) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, toJson(c) + "\n");
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write calibration file " + file + ": " + e.getMessage(), e);
        }
    }

    public static String toJson(Calibration c) {
        try {
            return JSON.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write calibration: " + e.getMessage(), e);
        }
    }

    /** Refuses a calibration made for another model or answer kind, naming both. */
    public static void requireFor(Calibration c, String where, String model, String answerKind) {
        if (!c.model().equals(model) || !c.answerKind().equals(answerKind)) {
            throw PonderException.invalid("calibration %s was made for model %s with %s answers, not for model %s with %s answers",
                    where, c.model(), c.answerKind(), model, answerKind);
        }
    }

    private static String firstLine(String msg) {
        String m = String.valueOf(msg);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
