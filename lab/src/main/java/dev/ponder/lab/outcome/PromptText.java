package dev.ponder.lab.outcome;

/**
 * RouterBench stores each prompt as the string form of a Python list ({@code "['line\\nline']"}); this unwraps
 * a one-element list and undoes Python's escapes. Other text is returned unchanged.
 */
final class PromptText {
    private PromptText() {}

    static String unwrap(String raw) {
        String s = raw.strip();
        boolean single = s.startsWith("['") && s.endsWith("']");
        boolean dbl = s.startsWith("[\"") && s.endsWith("\"]");
        if (!(single || dbl) || s.length() < 4) return raw;
        String body = s.substring(2, s.length() - 2);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '\'', '"' -> out.append(n);
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
