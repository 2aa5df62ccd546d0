package dev.ponder.lab.export;

import dev.ponder.core.error.PonderException;

/**
 * Where each line's provenance goes: {@code inline}, a {@code metadata} object in the line (TRL keeps it as a
 * column that its trainers drop); {@code sidecar}, a parallel {@code NAME.meta.jsonl} whose line n describes line n,
 * leaving lines that hold only what OpenAI's documented format names.
 */
enum Metadata {
    INLINE, SIDECAR;

    public static Metadata parse(String s) {
        return switch (s) {
            case "inline" -> INLINE;
            case "sidecar" -> SIDECAR;
            default -> throw PonderException.invalid("--metadata must be inline or sidecar, was \"%s\"", s);
        };
    }
}
