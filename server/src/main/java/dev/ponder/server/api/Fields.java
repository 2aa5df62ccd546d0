package dev.ponder.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.model.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reading one field of a request body, in any dialect: a wrong type or value is a 400 naming the field by its path
 * ({@code messages[2].content}) and saying what it was; and the {@code ponder} extension object, the same in every dialect.
 */
final class Fields {
    private Fields() {}

    /** The fields of the {@code ponder} object: a strategy, a budget, and a checker's inputs ({@link RequestOptions#checking}). */
    private static final List<String> PONDER_FIELDS = List.of("strategy", "budget", "checker", "reference", "tests");

    /** What the {@code ponder} object asks for: a strategy, a budget. */
    public record Ponder(Optional<String> strategy, Budget budget) {
        public static final Ponder NONE = new Ponder(Optional.empty(), Budget.UNLIMITED);
    }

    public static Ponder ponder(JsonNode body) {
        JsonNode ponder = body.get("ponder");
        if (ponder == null || ponder.isNull()) return Ponder.NONE;
        if (!ponder.isObject()) throw ApiFailure.field("ponder", "ponder must be an object such as {\"strategy\": \"vote@8\"}, was " + kind(ponder));
        for (var e : ponder.properties()) {
            if (!PONDER_FIELDS.contains(e.getKey())) {
                throw ApiFailure.field("ponder." + e.getKey(), "unknown field ponder." + e.getKey() + "; known: " + String.join(", ", PONDER_FIELDS));
            }
        }
        return new Ponder(text(ponder, "strategy", false, "ponder.strategy"), budget(ponder.get("budget")));
    }

    private static Budget budget(JsonNode b) {
        if (b == null || b.isNull()) return Budget.UNLIMITED;
        if (!b.isObject()) throw ApiFailure.field("ponder.budget", "ponder.budget must be an object {dollars, tokens, deadline_ms}, was " + kind(b));
        Budget out = Budget.UNLIMITED;
        for (var e : b.properties()) {
            String at = "ponder.budget." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "dollars" -> {
                    if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble()))
                        throw ApiFailure.field(at, at + " must be a number >= 0, was " + v);
                    out = out.withDollars(v.asDouble());
                }
                case "tokens" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0)
                        throw ApiFailure.field(at, at + " must be an integer >= 0, was " + v);
                    out = out.withTokens(v.asLong());
                }
                case "deadline_ms" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1)
                        throw ApiFailure.field(at, at + " must be an integer >= 1, was " + v);
                    out = out.withDeadline(Duration.ofMillis(v.asLong()));
                }
                default -> throw ApiFailure.field(at, "unknown field " + at + "; known: dollars, tokens, deadline_ms");
            }
        }
        return out;
    }

    /** A string field at path {@code at}; absent or null is empty, or a 400 when {@code required}. */
    public static Optional<String> text(JsonNode o, String field, boolean required, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiFailure.field(at, at + " is required");
            return Optional.empty();
        }
        if (!v.isTextual()) throw ApiFailure.field(at, at + " must be a string, was " + kind(v));
        return Optional.of(v.asText());
    }

    /** A whole-number field in [min, max] at path {@code at}. */
    public static Optional<Integer> integer(JsonNode o, String field, int min, int max, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw ApiFailure.field(at, at + " must be an integer, was " + kind(v));
        int x = v.asInt();
        if (x < min || x > max) throw ApiFailure.field(at, at + " must be in " + min + ".." + max + ", was " + x);
        return Optional.of(x);
    }

    public static Optional<Boolean> bool(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isBoolean()) throw ApiFailure.field(at, at + " must be true or false, was " + kind(v));
        return Optional.of(v.asBoolean());
    }

    /** A number field at path {@code at}. */
    public static Optional<Double> number(JsonNode o, String field, String at) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isNumber()) throw ApiFailure.field(at, at + " must be a number, was " + kind(v));
        return Optional.of(v.asDouble());
    }

    /** "a string", "the number 3", "an array": how a wrong value is named in messages. */
    public static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "a string";
        if (v.isBoolean()) return "a boolean";
        if (v.isNumber()) return "the number " + v.asText();
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
