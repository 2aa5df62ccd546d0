package dev.ponder.core.verify.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * String normalisation of a final answer, following the steps of the standard MATH graders: Hendrycks et al. 2021
 * {@code is_equiv}/{@code _strip_string}, the PRM800K grader and the Qwen2.5-Math harness {@code strip_string}
 * (dfrac/tfrac to frac, drop left/right, trailing text units, degrees, dollars, percent, spaces, {@code x=} prefixes,
 * {@code \frac12} and {@code a/b} to {@code \frac{a}{b}}, {@code \sqrt2} to {@code \sqrt{2}}). Unlike the Qwen
 * harness it does not strip its list of MathQA unit words (single letters such as {@code m} or {@code t} would eat
 * variables), and it reads {@code 10{,}000} as a number.
 */
final class LatexNormalizer {

    private static final Pattern TRAILING_TEXT = Pattern.compile("\\\\(?:text|textbf|mbox|mathrm)\\s*\\{[^{}]*}\\s*$");
    private static final Pattern TEXT = Pattern.compile("\\\\(?:text|textbf|textit|mbox|mathrm|mathbf|mathit|boldsymbol)\\s*\\{([^{}]*)}");
    private static final Pattern THOUSANDS = Pattern.compile("^-?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final Pattern TRAILING_ZEROS = Pattern.compile("(\\d+)\\.0+(?!\\d)");
    private static final Pattern SQRT_BARE = Pattern.compile("\\\\sqrt(\\w)");
    private static final Pattern FRAC_BARE = Pattern.compile("\\\\frac(\\w)(\\w)");
    private static final Pattern FRAC_HALF_BARE = Pattern.compile("\\\\frac(\\w)\\{");
    private static final Pattern SHORT_LHS = Pattern.compile("^[a-zA-Z\\\\]{1,3}(?:_\\{?\\w+}?)?\\s*=(?!=)");
    private static final Pattern SLASH = Pattern.compile("^(-?\\d+)/(\\d+)$");

    private LatexNormalizer() {}

    static String normalize(String answer) {
        String s = answer.strip().replace("\n", "").replace("\r", "");
        s = stripEnclosing(s);
        while (s.endsWith(".") || s.endsWith("\\")) s = s.substring(0, s.length() - 1).strip();
        s = s.replace("\\\\", "\u0001");
        s = s.replace("\\!", "").replace("\\,", "").replace("\\;", "").replace("\\:", "").replace("\\ ", " ")
                .replace("~", " ");
        s = s.replace("{,}", ",");
        s = s.replace("tfrac", "frac").replace("dfrac", "frac").replace("\\displaystyle", "");
        s = s.replace("\\neq", "\\ne").replace("\\leq", "\\le").replace("\\geq", "\\ge");
        s = s.replace("\\left", "").replace("\\right", "").replace("\\bigl", "").replace("\\bigr", "")
                .replace("\\big", "");
        s = s.replace("\\{", "{").replace("\\}", "}");
        s = s.replace("bmatrix", "pmatrix");
        String withoutUnit = TRAILING_TEXT.matcher(s).replaceAll("").strip();
        if (!withoutUnit.isEmpty()) s = withoutUnit;
        s = s.replace("^{\\circ}", "").replace("^\\circ", "").replace("\\circ", "").replace("°", "");
        s = s.replace("\\$", "").replace("$", "").replace("\\(", "").replace("\\)", "");
        s = TEXT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = s.replace("\\%", "").replace("%", "");
        s = s.replace("\\emptyset", "{}").replace("\\varnothing", "{}");
        s = s.replace("infinity", "\\infty");
        s = s.replace(" .", " 0.").replace("{.", "{0.");
        s = s.strip();
        if (s.startsWith(".")) s = "0" + s;
        Matcher lhs = SHORT_LHS.matcher(s);
        if (lhs.find() && s.indexOf('=', lhs.end()) < 0) s = s.substring(lhs.end());
        s = s.replace(" ", "");
        s = s.replace("\\cdot", "*").replace("\\times", "*").replace("\\div", "/");
        if (THOUSANDS.matcher(s).matches()) s = s.replace(",", "");
        s = TRAILING_ZEROS.matcher(s).replaceAll("$1");
        s = SQRT_BARE.matcher(s).replaceAll("\\\\sqrt{$1}");
        s = FRAC_BARE.matcher(s).replaceAll("\\\\frac{$1}{$2}");
        s = FRAC_HALF_BARE.matcher(s).replaceAll("\\\\frac{$1}{");
        Matcher slash = SLASH.matcher(s);
        if (slash.matches()) s = "\\frac{" + slash.group(1) + "}{" + slash.group(2) + "}";
        if (s.startsWith("-\\frac{") || s.startsWith("\\frac{-")) s = fixNegativeFrac(s);
        return s.replace("\u0001", "\\\\");
    }

    /** Drops {@code \boxed{...}} and one pair of braces around the whole answer. */
    private static String stripEnclosing(String s) {
        for (String box : new String[] {"\\boxed{", "\\fbox{"}) {
            if (s.startsWith(box) && s.endsWith("}") && closes(s, box.length() - 1) == s.length() - 1) {
                s = s.substring(box.length(), s.length() - 1).strip();
            }
        }
        if (s.startsWith("{") && s.endsWith("}") && closes(s, 0) == s.length() - 1) s = s.substring(1, s.length() - 1);
        return s;
    }

    /** {@code \frac{-a}{b}} and {@code -\frac{a}{b}} are the same answer. */
    private static String fixNegativeFrac(String s) {
        if (s.startsWith("\\frac{-") && closes(s, 5) > 0) {
            int end = closes(s, 5);
            int denEnd = s.length() > end + 1 && s.charAt(end + 1) == '{' ? closes(s, end + 1) : -1;
            if (denEnd == s.length() - 1) return "-\\frac{" + s.substring(7);
        }
        return s;
    }

    /** Index of the brace closing the one at {@code open}, or -1. */
    static int closes(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }
}
