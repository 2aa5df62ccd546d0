package dev.ponder.sandbox;

import dev.ponder.core.model.Problem;
import java.util.Map;

/** A HumanEval-X-shaped problem small enough to read, for tests that must run without ../shared. */
final class TinyProblem {
    private TinyProblem() {}

    static final String PROMPT = """
            import java.util.*;
            import java.lang.*;

            class Solution {
                public int add(int a, int b) {
            """;

    static final String TEST = """
            public class Main {
                public static void main(String[] args) {
                    Solution s = new Solution();
                    List<Boolean> correct = Arrays.asList(s.add(2, 3) == 5, s.add(-1, 1) == 0);
                    if (correct.contains(false)) {
                        throw new AssertionError();
                    }
                }
            }
            """;

    static Problem addition() {
        return new Problem("tiny/add", PROMPT, "        return a + b;\n    }\n}\n",
                Map.of("prompt", PROMPT, "test", TEST, "language", "java"));
    }

    /** A candidate body that runs {@code statements} and then returns the right sum only if {@code condition} holds. */
    static String body(String statements, String condition) {
        return "        try {\n" + statements + "\n            if (" + condition + ") return a + b;\n"
                + "        } catch (Throwable t) { throw new RuntimeException(t); }\n        return -999;\n    }\n}\n";
    }
}
