package dev.ponder.core.json;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a user's text file the same way everywhere: UTF-8 with a leading byte order mark skipped, bytes that are not
 * UTF-8 replaced (the parser then says what is wrong, and where), and one clear error for a missing file
 * (NOT_FOUND), a directory given as a file or an unreadable one (INVALID_INPUT), each naming the file.
 */
public final class TextFiles {
    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 2L << 30;

    private TextFiles() {}

    /** The file's text; {@code what} names it in errors ("plan", "price catalogue"). */
    public static String read(Path file, String what) {
        if (Files.isDirectory(file)) throw PonderException.invalid("%s %s is a directory, not a file", what, file);
        try {
            if (Files.size(file) > MAX_BYTES) throw PonderException.invalid("%s %s is larger than %d bytes", what, file, MAX_BYTES);
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            return JsonErrors.stripBom(text);
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, what + " not found: " + file);
        } catch (AccessDeniedException e) {
            throw PonderException.invalid("%s %s cannot be read: permission denied", what, file);
        } catch (IOException e) {
            throw PonderException.invalid("%s %s cannot be read: %s", what, file, e.getMessage());
        }
    }
}
