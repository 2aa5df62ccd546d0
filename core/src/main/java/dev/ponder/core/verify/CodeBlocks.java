package dev.ponder.core.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls fenced code blocks out of a model's text (Markdown triple backticks). */
public final class CodeBlocks {

    private static final Pattern FENCE = Pattern.compile("```([\\w+#-]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    private CodeBlocks() {}

    /** The last block tagged {@code language} (case-insensitive), else the last untagged block, else empty. */
    public static Optional<String> last(String text, String language) {
        Matcher m = FENCE.matcher(text);
        String tagged = null, untagged = null;
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(language)) tagged = m.group(2);
            else if (m.group(1).isEmpty()) untagged = m.group(2);
        }
        return Optional.ofNullable(tagged != null ? tagged : untagged);
    }
}
