package dev.ponder.core.verify.java;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.CodeBlocks;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles a candidate with its problem's tests in the HumanEval-X / MBJP layout (Zheng et al. 2023, CodeGeeX;
 * Athiwaratkun et al. 2023, MBXP): {@code prompt + completion + "\n" + test} in one file whose {@code Main} runs the
 * tests and throws on a mismatch. A candidate that declares the prompt's class itself is taken as the whole class
 * and gets the prompt's imports instead.
 */
public final class JavaTests {

    /** The source to compile and its trusted top-level types (the prompt's class and {@code Main}). */
    public record Assembled(String source, String mainClass, Set<String> trustedTypes) {}

    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+(\\w+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+[^;]+;");

    private JavaTests() {}

    public static Assembled assemble(Problem problem, String answer) {
        String prompt = field(problem, "prompt");
        String test = field(problem, "test");
        Matcher cls = CLASS.matcher(prompt);
        if (!cls.find()) throw PonderException.invalid("problem %s: its prompt declares no class", problem.id());
        String className = cls.group(1);
        String code = CodeBlocks.last(answer, "java").orElse(answer);
        Set<String> trusted = new LinkedHashSet<>(Set.of(className, "Main"));
        String source;
        if (Pattern.compile("\\bclass\\s+" + Pattern.quote(className) + "\\b").matcher(code).find()) {
            StringBuilder imports = new StringBuilder();
            Matcher m = IMPORT.matcher(prompt);
            while (m.find()) if (!code.contains(m.group().strip())) imports.append(m.group().strip()).append('\n');
            source = imports + code + "\n" + test;
        } else {
            source = prompt + code + "\n" + test;
        }
        return new Assembled(source, "Main", Set.copyOf(trusted));
    }

    public static JavaRun verify(JavaSandbox sandbox, Problem problem, String answer) {
        Assembled a = assemble(problem, answer);
        return sandbox.run(a.source(), a.mainClass(), a.trustedTypes());
    }

    private static String field(Problem problem, String name) {
        Object value = problem.extra().get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw PonderException.invalid("problem %s has no '%s' field: not a Java unit-test problem", problem.id(), name);
        }
        return s;
    }
}
