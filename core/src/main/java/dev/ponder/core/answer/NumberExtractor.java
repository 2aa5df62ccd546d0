package dev.ponder.core.answer;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Final numeric answers (GSM8K style). Prefers {@code #### N}, then "the answer is ... N", then a boxed number,
 * then the last number in the text. Thousands separators, currency signs and units are dropped; the number is
 * written canonically ({@code 42.50} and {@code 42.5} and {@code 4,2.5} differ only as text).
 */
enum NumberExtractor implements AnswerExtractor {
    INSTANCE;

    private static final Pattern NUMBER = Pattern.compile("-?\\$?\\s?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|-?\\.\\d+");
    private static final Pattern HASHES = Pattern.compile("####\\s*(.+)");
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)answer\\s*(?:is|:)\\s*(.+)");

    @Override
    public String extract(String text) {
        for (Pattern p : new Pattern[] {HASHES, ANSWER_IS}) {
            Matcher m = p.matcher(text);
            String last = null;
            while (m.find()) last = m.group(1);
            if (last != null) {
                String n = firstNumber(last);
                if (!n.isEmpty()) return n;
            }
        }
        String boxed = BoxedExtractor.lastBoxed(text);
        if (!boxed.isEmpty()) {
            String n = firstNumber(boxed);
            if (!n.isEmpty()) return n;
        }
        return lastNumber(text);
    }

    static String firstNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        return m.find() ? canonical(m.group()) : "";
    }

    static String lastNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        String last = "";
        while (m.find()) last = m.group();
        return last.isEmpty() ? "" : canonical(last);
    }

    /** Canonical decimal text: no separators, no currency, no trailing zeros, no exponent. */
    static String canonical(String raw) {
        String t = raw.replace("$", "").replace(",", "").replace(" ", "");
        try {
            BigDecimal d = new BigDecimal(t).stripTrailingZeros();
            if (d.signum() == 0) return "0";
            return d.toPlainString();
        } catch (NumberFormatException e) {
            return t;
        }
    }

    @Override
    public String label() { return "number"; }
}
