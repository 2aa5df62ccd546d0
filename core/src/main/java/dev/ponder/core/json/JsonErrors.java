package dev.ponder.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in a user's words: what was expected and what was found, where ({@code line:column}), with
 * none of Jackson's internals ({@code [Source: ...]}, Java type names, token names).
 */
public final class JsonErrors {
    /** The UTF-8 byte order mark some editors put first in a file; readers skip it. */
    public static final char BOM = '\uFEFF';

    private JsonErrors() {}

    /** {@code text} without a leading byte order mark. */
    public static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** {@code LINE:COLUMN}, or empty when Jackson did not say. */
    public static String where(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** What is wrong, in one line: "expected a list, found text 'vote@3'", or the parser's own words for bad syntax. */
    public static String what(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            return "expected " + expected(f.getTargetType()) + ", found " + quoted(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonToken t = m.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
            if (t == null) t = tokenNamed(m.getOriginalMessage());
            String found = t == null ? foundNamed(m.getOriginalMessage()) : ", found " + found(t, m.getProcessor());
            return "expected " + expected(m.getTargetType()) + found;
        }
        String m = e.getOriginalMessage();
        return m == null ? "cannot be read" : m.replaceAll("\\s*\\((?:start marker at )?\\[Source:.*?; line: \\d+, column: \\d+\\]\\)", "")
                .replaceAll("\\s*\\(for .*$", "").replaceAll("`[a-z][\\w.]*\\.([A-Z]\\w*)`", "$1")
                .replaceAll("\\s+", " ").strip();
    }

    /** The token Jackson names in its message ("(token `JsonToken.START_ARRAY`)") when the parser has moved on. */
    private static JsonToken tokenNamed(String message) {
        var m = Pattern.compile("JsonToken\\.([A-Z_]+)").matcher(String.valueOf(message));
        if (!m.find()) return null;
        try {
            return JsonToken.valueOf(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What Jackson says it found ("from String value ('x')"), in words; empty when it says nothing. */
    private static String foundNamed(String message) {
        var m = Pattern.compile("from ([A-Za-z-]+) value(?: \\('?(.*?)'?\\))?").matcher(String.valueOf(message));
        if (!m.find()) return "";
        String value = m.group(2) == null ? "" : " " + quoted(m.group(2));
        return switch (m.group(1)) {
            case "String" -> ", found text" + value;
            case "Array" -> ", found a list";
            case "Object" -> ", found a mapping";
            case "Boolean" -> ", found a boolean" + value;
            default -> ", found the number" + value;
        };
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class) return "text";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping of fields";
        return "a value of another kind";
    }

    private static String found(JsonToken t, Object processor) {
        String text = "";
        try {
            if (processor instanceof JsonParser p && t.isScalarValue()) text = " " + quoted(p.getText());
        } catch (IOException ignored) {
            // the token's kind is enough
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "text" + text;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number" + text;
            case VALUE_TRUE, VALUE_FALSE -> "a boolean" + text;
            case VALUE_NULL -> "nothing (null)";
            default -> "something else";
        };
    }

    private static String quoted(Object v) {
        String s = String.valueOf(v);
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }
}
