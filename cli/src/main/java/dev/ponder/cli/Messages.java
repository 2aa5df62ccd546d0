package dev.ponder.cli;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Makes an error message fit the one-line promise: one line, no library internals, I/O errors said plainly. */
final class Messages {
    private static final Pattern SOURCE = Pattern.compile("\\s*\\[Source: [^\\]]*\\](; line: \\d+, column: \\d+\\])?");
    private static final Pattern CHAIN = Pattern.compile("\\s*\\(through reference chain: [^)]*\\)");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*)");
    private static final int MAX = 400;

    private Messages() {}

    /** One line: internals cut, whitespace (newlines too) collapsed, at most a few hundred characters. */
    static String oneLine(String message) {
        String m = message == null ? "(no message)" : message;
        m = SOURCE.matcher(m).replaceAll("");
        m = CHAIN.matcher(m).replaceAll("");
        m = QUALIFIED.matcher(m).replaceAll("$1");
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > MAX ? m.substring(0, MAX - 3) + "..." : m;
    }

    static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** An I/O failure in words: which file and what happened. */
    static String io(IOException e) {
        if (e instanceof BindException || String.valueOf(e.getMessage()).contains("Address already in use")) return bind(e);
        return switch (e) {
            case NoSuchFileException n -> "no such file: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case FileSystemException f -> f.getFile() + ": " + (f.getReason() == null ? "cannot be read or written" : f.getReason());
            default -> "I/O error: " + e.getMessage();
        };
    }

    /** A server that could not take its port. */
    static String bind(Throwable e) {
        return "cannot listen: address already in use (another server has that port? pick another with --port)";
    }

    /** The first cause of type {@code type} in {@code t}'s chain. */
    static <T extends Throwable> Optional<T> cause(Throwable t, Class<T> type) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < 32; depth++, c = c.getCause()) {
            if (type.isInstance(c)) return Optional.of(type.cast(c));
        }
        return Optional.empty();
    }
}
