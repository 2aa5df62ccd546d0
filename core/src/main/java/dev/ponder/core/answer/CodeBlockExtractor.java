package dev.ponder.core.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The last fenced code block; a block tagged with a language wins over an untagged one. No fence: the whole text. */
enum CodeBlockExtractor implements AnswerExtractor {
    INSTANCE;

    private static final Pattern FENCE = Pattern.compile("```([\\w+#-]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    @Override
    public String extract(String text) {
        Matcher m = FENCE.matcher(text);
        String tagged = null;
        String any = null;
        while (m.find()) {
            any = m.group(2);
            if (!m.group(1).isEmpty()) tagged = m.group(2);
        }
        String code = tagged != null ? tagged : any != null ? any : text;
        return code.strip();
    }

    @Override
    public String label() { return "code"; }
}
