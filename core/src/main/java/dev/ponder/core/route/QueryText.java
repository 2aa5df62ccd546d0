package dev.ponder.core.route;

/**
 * The part of a prompt that says what is asked. Few-shot prompts repeat the same worked examples before every
 * question, which would drown the question in any text feature; the question is the last blank-line-separated
 * block. Blocks are added from the end until the text has at least {@value #MIN_CHARS} characters, and at most
 * the last {@value #MAX_CHARS} characters are kept.
 */
public final class QueryText {
    static final int MIN_CHARS = 80;
    static final int MAX_CHARS = 1200;

    private QueryText() {}

    public static String focus(String prompt) {
        String text = prompt.replace("\r\n", "\n").strip();
        String[] blocks = text.split("\n\\s*\n");
        StringBuilder out = new StringBuilder();
        for (int i = blocks.length - 1; i >= 0 && out.length() < MIN_CHARS; i--) {
            String b = blocks[i].strip();
            if (b.isEmpty()) continue;
            out.insert(0, out.isEmpty() ? b : b + "\n\n");
        }
        String s = out.toString();
        return s.length() > MAX_CHARS ? s.substring(s.length() - MAX_CHARS) : s;
    }
}
