package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Whether an upstream serves plain completions ({@code /v1/completions}), which {@code think@T} prefers for budget
 * forcing: {@code ON} uses them, {@code OFF} asks again in chat turns, {@code AUTO} uses them until the upstream
 * answers that it has none (a 404 or 405), then chat turns for that upstream from then on.
 */
public enum PlainCompletions {
    AUTO, ON, OFF;

    /** The config's spelling: {@code auto}, {@code on}, {@code off}. */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static PlainCompletions parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("completions must be auto, on or off, was \"" + s + "\"");
        }
    }
}
