package dev.ponder.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake server's token model: a token is a whitespace-separated word together with the whitespace before it, so
 * tokens concatenate back to the text exactly and {@code count} is the number of words.
 */
public final class FakeTokens {
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+");

    private FakeTokens() { }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find()) {
            out.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            if (out.isEmpty()) out.add(text.substring(end));
            else out.set(out.size() - 1, out.getLast() + text.substring(end));
        }
        return out;
    }

    public static int count(String text) {
        int n = 0;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) n++;
        return n;
    }

    /** The first {@code k} tokens of the text. */
    public static String first(String text, int k) {
        List<String> t = split(text);
        return String.join("", t.subList(0, Math.min(k, t.size())));
    }
}
