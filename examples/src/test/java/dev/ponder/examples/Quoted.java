package dev.ponder.examples;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The docs' rule for quoted output (the same as the cli's transcript test): each quoted line appears in order, right
 * after the one before unless a line {@code ...} stands for lines left out; {@code ...} inside a line stands for any
 * text; runs of spaces compare as one; blank lines are ignored.
 */
final class Quoted {
    private Quoted() {}

    static Optional<String> mismatch(List<String> quoted, String actual) {
        List<String> got = actual.lines().map(Quoted::squeeze).filter(l -> !l.isEmpty()).toList();
        int at = 0;
        boolean gap = true;
        for (String q : quoted) {
            String want = squeeze(q);
            if (want.isEmpty()) continue;
            if (want.equals("...")) {
                gap = true;
                continue;
            }
            StringBuilder re = new StringBuilder();
            String[] parts = want.split("\\.\\.\\.", -1);
            for (int i = 0; i < parts.length; i++) re.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
            Pattern p = Pattern.compile(re.toString());
            int found = -1;
            for (int i = at; i < got.size() && (gap || i == at); i++) {
                if (p.matcher(got.get(i)).matches()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return Optional.of("quoted line not found: \"" + q.strip() + "\"" + (at < got.size() ? "; the output has there: \"" + got.get(at) + "\"" : ""));
            }
            at = found + 1;
            gap = false;
        }
        return Optional.empty();
    }

    private static String squeeze(String s) { return s.strip().replaceAll("\\s+", " "); }
}
