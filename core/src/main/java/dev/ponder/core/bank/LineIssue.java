package dev.ponder.core.bank;

import java.nio.file.Path;

/** A line of an input file that could not be used: where it is and why. The rest of the file is still read. */
public record LineIssue(Path file, long line, String problem) {
    @Override
    public String toString() { return file + ":" + line + ": " + problem; }
}
