package dev.ponder.core.answer;

/**
 * LaTeX answers: the content of the last {@code \boxed{...}} or {@code \fbox{...}}, braces balanced. Whitespace is
 * collapsed; deeper normalisation (frac forms, units) belongs to the maths-equivalence verifier.
 */
enum BoxedExtractor implements AnswerExtractor {
    INSTANCE;

    @Override
    public String extract(String text) {
        String b = lastBoxed(text);
        if (b.isEmpty()) {
            String phrase = PhraseExtractor.INSTANCE.extract(text);
            return phrase.replaceAll("^\\$+|\\$+$", "").strip();
        }
        return b.replaceAll("\\s+", " ").strip();
    }

    static String lastBoxed(String text) {
        int at = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
        if (at < 0) return "";
        int open = text.indexOf('{', at);
        if (open < 0) {
            // \boxed 5 (no braces)
            String rest = text.substring(at + "\\boxed".length()).strip();
            int end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != '$') end++;
            return rest.substring(0, end);
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return text.substring(open + 1, i).strip();
        }
        return "";
    }

    @Override
    public String label() { return "boxed"; }
}
