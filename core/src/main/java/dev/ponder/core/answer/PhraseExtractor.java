package dev.ponder.core.answer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "The answer is X." style answers, as in the chain-of-thought prompts of Wei et al. 2022. */
enum PhraseExtractor implements AnswerExtractor {
    INSTANCE;

    private static final Pattern ANSWER_IS = Pattern.compile("(?i)answer\\s*(?:is|:)\\s*[:\\-]?\\s*(.+)");

    @Override
    public String extract(String text) {
        Matcher m = ANSWER_IS.matcher(text);
        String last = null;
        while (m.find()) last = m.group(1);
        if (last == null) return "";
        return clean(last);
    }

    static String clean(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        if (nl >= 0) t = t.substring(0, nl).strip();
        String prev;
        do {
            prev = t;
            t = t.replaceAll("[.!。]+$", "").strip();
            t = stripPair(t, '"', '"');
            t = stripPair(t, '\'', '\'');
            t = stripPair(t, '“', '”');
            t = stripPair(t, '*', '*');
            t = stripPair(t, '`', '`');
        } while (!t.equals(prev));
        return t.toLowerCase(Locale.ROOT);
    }

    private static String stripPair(String t, char open, char close) {
        if (t.length() >= 2 && t.charAt(0) == open && t.charAt(t.length() - 1) == close) return t.substring(1, t.length() - 1).strip();
        return t;
    }

    @Override
    public String label() { return "exact"; }
}
