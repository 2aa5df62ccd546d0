package dev.ponder.core.verify.game24;

import dev.ponder.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact Game of 24 checker: the expression uses each of the puzzle's four numbers exactly once and equals 24
 * in rational arithmetic. The answer is read as in the Tree-of-Thoughts task (Yao et al. 2023, "Tree of Thoughts",
 * {@code tasks/game24.py test_output}): the last line of the output, lower-cased, without {@code answer:}, cut at
 * the first {@code =}.
 */
public final class Game24 {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** The outcome for one answer; {@code expression} is what was checked. */
    public record Check(boolean correct, String expression, String reason) {
        public Verdict verdict() { return correct ? Verdict.accepted(reason) : Verdict.rejected(reason); }
    }

    private Game24() {}

    /** The expression a model's output ends with (idempotent on an already extracted expression). */
    public static String extractExpression(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].toLowerCase(Locale.ROOT).replace("answer:", "");
        int eq = last.indexOf('=');
        return (eq >= 0 ? last.substring(0, eq) : last).strip();
    }

    /** {@code puzzle} holds the four numbers separated by spaces, e.g. {@code "4 9 10 13"}. */
    public static Check check(String puzzle, String answer) {
        List<Integer> wanted = numbers(puzzle);
        String expression = extractExpression(answer);
        if (expression.isEmpty()) return new Check(false, expression, "no expression");
        if (expression.length() > 200) return new Check(false, expression.substring(0, 200), "expression longer than 200 characters");
        List<Integer> used = numbers(expression);
        if (!sorted(used).equals(sorted(wanted))) {
            return new Check(false, expression, "uses " + used + " but the puzzle's numbers are " + wanted);
        }
        try {
            RationalParser.Result result = RationalParser.evaluate(expression);
            return result.value().isInteger(24)
                    ? new Check(true, expression, "uses each number once and equals 24")
                    : new Check(false, expression, "equals " + result.value() + ", not 24");
        } catch (IllegalArgumentException e) {
            return new Check(false, expression, "not an arithmetic expression: " + e.getMessage());
        } catch (ArithmeticException e) {
            return new Check(false, expression, "cannot evaluate: " + e.getMessage());
        }
    }

    private static List<Integer> numbers(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group();
            out.add(digits.length() > 9 ? -1 : Integer.parseInt(digits));
        }
        return out;
    }

    private static List<Integer> sorted(List<Integer> xs) { return xs.stream().sorted().toList(); }
}
