package dev.ponder.core.route;

import java.util.List;
import java.util.Locale;

/** Shape-of-text features for the baseline: length, digits, maths and code markers, question words. */
final class TextFeatures {
    private static final List<List<String>> KEYWORDS = List.of(
            List.of("def ", "function", "return", "python", "code", "implement", "program", "array", "string"),
            List.of("calculate", "how many", "how much", "sum", "total", "\\frac", "$", "integer", "prove", "equation"),
            List.of("why", "explain", "because", "best explains", "most likely"),
            List.of("a)", "b)", "c)", "d)", "_"),
            List.of("not", "except", "least", "never"));
    static final int SIZE = 5 + KEYWORDS.size();

    private TextFeatures() {}

    static double[] of(String query) {
        String q = QueryText.focus(query);
        String lower = q.toLowerCase(Locale.ROOT);
        int digits = 0, upper = 0, lines = 1;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isDigit(c)) digits++;
            if (Character.isUpperCase(c)) upper++;
            if (c == '\n') lines++;
        }
        double n = Math.max(1, q.length());
        double[] f = new double[SIZE];
        f[0] = Math.log1p(q.length());
        f[1] = Math.log1p(query.length());
        f[2] = digits / n;
        f[3] = upper / n;
        f[4] = Math.log(lines);
        for (int k = 0; k < KEYWORDS.size(); k++) {
            int hits = 0;
            for (String w : KEYWORDS.get(k)) if (lower.contains(w)) hits++;
            f[5 + k] = hits;
        }
        return f;
    }
}
