package dev.ponder.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The line where a field path ({@code classes[2].router[0].tier}) is written in a YAML or JSON text, found by
 * walking the parser's tokens; when the field is absent, the line of the nearest enclosing one that is present.
 */
public final class FieldLines {
    private static final int OBJECT = Integer.MIN_VALUE;

    private FieldLines() {}

    public static long lineOf(JsonFactory factory, String text, String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            long line = find(factory, text, p);
            if (line > 0) return line;
        }
        return 1;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static long find(JsonFactory factory, String text, String path) {
        Deque<String> names = new ArrayDeque<>();
        Deque<Integer> indexes = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    names.pop();
                    names.push("." + p.currentName());
                    if (here(names, path)) return p.currentTokenLocation().getLineNr();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    names.pop();
                    indexes.pop();
                    continue;
                }
                if (!indexes.isEmpty() && indexes.peek() != OBJECT) {
                    int i = indexes.pop() + 1;
                    indexes.push(i);
                    names.pop();
                    names.push("[" + i + "]");
                    if (here(names, path)) return p.currentTokenLocation().getLineNr();
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    names.push("");
                    indexes.push(t == JsonToken.START_ARRAY ? -1 : OBJECT);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static boolean here(Deque<String> names, String path) {
        StringBuilder b = new StringBuilder();
        names.descendingIterator().forEachRemaining(b::append);
        return b.toString().replaceFirst("^\\.", "").equals(path);
    }
}
