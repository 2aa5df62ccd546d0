package dev.ponder.server.config;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.core.verify.CheckerSpec;
import java.util.List;
import java.util.Locale;

/** The config file's value checks, each refusal a {@link BadField} naming the field relative to its section. */
final class Checks {
    private Checks() {}

    /** {@code value}, or {@code otherwise} when absent; a value outside {@code min..max} is refused. */
    static long whole(String field, Long value, long min, long max, long otherwise) {
        if (value == null) return otherwise;
        if (value < min || value > max) throw new BadField(field, "must be a whole number in " + min + ".." + max + ", was " + value);
        return value;
    }

    /** A number >= 0; {@code required} says what to add when it is absent. */
    static double nonNegative(String field, Double value, String required) {
        if (value == null) throw new BadField(field, required);
        if (!(value >= 0) || value.isInfinite()) throw new BadField(field, "must be a number >= 0, was " + value);
        return value;
    }

    static <T> T required(String field, T value, String why) {
        if (value == null) throw new BadField(field, why);
        return value;
    }

    /** An answer extractor's name ({@code AnswerExtractor.NAMES}); {@code semantic} needs the embedding model serve loads. */
    static String answer(String field, String name) {
        if (!AnswerExtractor.NAMES.contains(name.strip().toLowerCase(Locale.ROOT))
                && !List.of("latex", "math").contains(name.strip().toLowerCase(Locale.ROOT))) {
            throw new BadField(field, "must be one of " + String.join(", ", AnswerExtractor.NAMES) + ", was \"" + name + "\"");
        }
        return name.strip();
    }

    /** A checker as {@link CheckerSpec#parse} reads it (the names plans and {@code ponder run --checker} take). */
    static String checker(String field, String spec) {
        try {
            return CheckerSpec.parse(spec).written();
        } catch (PonderException e) {
            throw new BadField(field, "must name a checker: " + e.getMessage());
        }
    }
}
