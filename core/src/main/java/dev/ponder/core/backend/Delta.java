package dev.ponder.core.backend;

import java.util.Objects;

/**
 * A piece of one choice's output as it streams in: answer text or reasoning ("thinking") text.
 * {@code choice} is the 0-based index of the generation it belongs to in the call's result list.
 */
public record Delta(int choice, Channel channel, String text) {

    /** Which part of the output a delta extends. */
    public enum Channel { CONTENT, REASONING }

    public Delta {
        if (choice < 0) throw new IllegalArgumentException("choice index must be >= 0, was " + choice);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
    }
}
