package dev.ponder.core.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the docs quote a command's or an example's output, checked against what it really prints: each quoted line
 * appears in order, right after the one before unless a line {@code ...} stands for lines left out (before the first
 * quoted line, any number may be left out); {@code ...} inside a line stands for any text (a path, a time); runs of
 * spaces compare as one; blank lines are ignored.
 */
public final class QuotedOutput {
    private QuotedOutput() {}

    /** Empty when {@code actual} holds the quoted lines; else what is missing and what the output has there. */
    public static Optional<String> mismatch(List<String> quoted, String actual) {
        List<String> got = actual.lines().map(QuotedOutput::squeeze).filter(l -> !l.isEmpty()).toList();
        int at = 0;
        boolean gap = true;
        for (String q : quoted) {
            String want = squeeze(q);
            if (want.isEmpty()) continue;
            if (want.equals("...")) {
                gap = true;
                continue;
            }
            Pattern p = pattern(want);
            int found = -1;
            for (int i = at; i < got.size() && (gap || i == at); i++) {
                if (p.matcher(got.get(i)).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return Optional.of("quoted line not found" + (gap ? "" : " right after the previous one") + ": \"" + q.strip() + "\""
                        + (at < got.size() ? "; the output has there: \"" + got.get(at) + "\"" : "; the output ended"));
            }
            at = found + 1;
            gap = false;
        }
        return Optional.empty();
    }

    private static String squeeze(String s) { return s.strip().replaceAll("\\s+", " "); }

    private static Pattern pattern(String want) {
        String[] parts = want.split("\\.\\.\\.", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) re.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        return Pattern.compile(re.toString());
    }
}
