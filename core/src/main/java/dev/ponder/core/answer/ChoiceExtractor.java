package dev.ponder.core.answer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Multiple-choice letters A-J, from "answer is (C)", "Answer: C", a boxed letter, or a lone "(C)" at the end. */
enum ChoiceExtractor implements AnswerExtractor {
    INSTANCE;

    private static final Pattern STATED = Pattern.compile("(?i)answer\\s*(?:is|:)?\\s*[:\\-]?\\s*(?:option\\s*)?\\(?\\s*([A-J])\\b\\)?");
    private static final Pattern LONE = Pattern.compile("\\(([A-J])\\)|\\b([A-J])[).:]\\s*$");

    @Override
    public String extract(String text) {
        String boxed = BoxedExtractor.lastBoxed(text);
        if (boxed.matches("(?i)\\s*\\(?[A-J]\\)?\\s*")) return boxed.replaceAll("[^A-Ja-j]", "").toUpperCase(Locale.ROOT);
        Matcher m = STATED.matcher(text);
        String last = null;
        while (m.find()) last = m.group(1);
        if (last != null) return last.toUpperCase(Locale.ROOT);
        Matcher l = LONE.matcher(text.strip());
        String lone = null;
        while (l.find()) lone = l.group(1) != null ? l.group(1) : l.group(2);
        return lone == null ? "" : lone;
    }

    @Override
    public String label() { return "choice"; }
}
