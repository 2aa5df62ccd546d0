package dev.ponder.core.verify.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a normalised answer into its parts: tuples and intervals, comma lists, equation sides, matrix cells. */
final class Structure {

    record Bracketed(char open, char close, List<String> items) {}

    private Structure() {}

    /** {@code (a,b)}, {@code [a,b)}, {@code {a,b}}: the outer brackets and the top-level items. */
    static Optional<Bracketed> bracketed(String s) {
        if (s.length() < 2) return Optional.empty();
        char open = s.charAt(0), close = s.charAt(s.length() - 1);
        if ("([{".indexOf(open) < 0 || ")]}".indexOf(close) < 0) return Optional.empty();
        if (matching(s, 0) != s.length() - 1 && !(open != '{' && isIntervalEnd(s))) return Optional.empty();
        List<String> items = topLevel(s.substring(1, s.length() - 1), ',');
        return Optional.of(new Bracketed(open, close, items));
    }

    /** Half-open intervals like {@code [1,2)} do not nest properly; accept them when the inside is balanced. */
    private static boolean isIntervalEnd(String s) {
        return depthOk(s.substring(1, s.length() - 1));
    }

    static Optional<List<List<String>>> matrix(String s) {
        String begin = "\\begin{pmatrix}", end = "\\end{pmatrix}";
        if (!s.startsWith(begin) || !s.endsWith(end)) return Optional.empty();
        String body = s.substring(begin.length(), s.length() - end.length());
        List<List<String>> rows = new ArrayList<>();
        for (String row : body.split("\\\\\\\\")) {
            if (row.isBlank()) continue;
            rows.add(List.of(row.split("&", -1)));
        }
        return Optional.of(rows);
    }

    /** Splits on {@code sep} outside any brackets. */
    static List<String> topLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && --depth == 0) return i;
        }
        return -1;
    }

    private static boolean depthOk(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            if (depth < 0) return false;
        }
        return depth == 0;
    }
}
