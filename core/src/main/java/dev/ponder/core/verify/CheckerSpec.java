package dev.ponder.core.verify;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.verify.java.JavaSandbox;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A checker as a config names it ({@code ponder run --checker}, a plan's {@code checker:}, the proxy's config): the one
 * place that maps checker names to verifiers. A checker judges a strategy's answers while it runs ({@code verify@K},
 * {@code refine@R}, {@code cascade}); parsing checks the name alone, so a config is refused before any call, and
 * {@link #create} builds the verifier from the resources it needs (a sandbox, a judge's backend).
 */
public sealed interface CheckerSpec {

    /** The forms {@link #parse} reads, for messages and docs. */
    List<String> FORMS = List.of("game24", "java-tests", "math", "regex:PATTERN", "llm-judge:MODEL");

    /** Game of 24: the expression uses the question's four numbers once each and makes 24. Reads no reference. */
    record Game24() implements CheckerSpec {
        @Override
        public String written() { return "game24"; }
    }

    /** The problem's unit tests (HumanEval-X / MBJP), run on the answer's code in the sandbox. Reads no reference answer. */
    record JavaTests() implements CheckerSpec {
        @Override
        public String written() { return "java-tests"; }
    }

    /** Maths equivalence with the answer the problem gives (its reference): an oracle, for upper bounds. */
    record MathAnswer() implements CheckerSpec {
        @Override
        public String written() { return "math"; }
    }

    /** Accepts an answer the pattern matches entirely (trimmed), e.g. {@code regex:-?\d+} for any whole number. */
    record Regex(Pattern pattern) implements CheckerSpec {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String written() { return "regex:" + pattern.pattern(); }
    }

    /** A live model grades each answer (shown the reference when the problem has one). */
    record Judge(String model) implements CheckerSpec {
        public Judge {
            if (model == null || model.isBlank()) throw PonderException.invalid("checker llm-judge needs a model: llm-judge:MODEL");
        }

        @Override
        public String written() { return "llm-judge:" + model; }
    }

    /** What a checker may need to be built: a Java sandbox (for {@code java-tests}), a backend for a judge's model. */
    interface Resources {
        JavaSandbox sandbox();

        Backend judge(String model);

        /** For the checkers that need neither (game24, math, regex): asking for a sandbox or a judge is refused. */
        static Resources none() {
            return new Resources() {
                @Override
                public JavaSandbox sandbox() { throw PonderException.invalid("checker java-tests needs a sandbox, and none was given"); }

                @Override
                public Backend judge(String model) { throw PonderException.invalid("checker llm-judge:%s needs a backend, and none was given", model); }
            };
        }
    }

    /** The spec as written, e.g. {@code regex:\d+}. */
    String written();

    /** True when the checker reads the problem's reference answer, so results with it are an oracle's, not a deployable checker's. */
    default boolean readsReference() { return this instanceof MathAnswer || this instanceof Judge; }

    /** Reads {@code NAME} or {@code NAME:ARG}; INVALID_INPUT names the bad spec and the known forms. */
    static CheckerSpec parse(String written) {
        if (written == null || written.isBlank()) throw PonderException.invalid("checker is blank; known: %s", String.join(", ", FORMS));
        String s = written.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        String arg = colon < 0 ? "" : s.substring(colon + 1);
        CheckerSpec spec = switch (name) {
            case "game24" -> new Game24();
            case "java-tests" -> new JavaTests();
            case "math" -> new MathAnswer();
            case "regex" -> regex(arg, written);
            case "llm-judge" -> new Judge(arg.strip());
            default -> throw PonderException.invalid("unknown checker \"%s\"; known: %s", written, String.join(", ", FORMS));
        };
        if (!arg.isEmpty() && !(spec instanceof Regex) && !(spec instanceof Judge)) {
            throw PonderException.invalid("checker \"%s\": %s takes no argument; known: %s", written, name, String.join(", ", FORMS));
        }
        return spec;
    }

    private static Regex regex(String pattern, String written) {
        if (pattern.isEmpty()) throw PonderException.invalid("checker \"%s\": regex needs a pattern, e.g. regex:-?\\d+", written);
        try {
            return new Regex(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            throw PonderException.invalid("checker \"%s\": bad pattern: %s", written, e.getDescription());
        }
    }

    /** The verifier this spec names. */
    default Verifier create(Resources resources) {
        return switch (this) {
            case Game24 g -> Verifier.game24();
            case JavaTests j -> Verifier.javaTests(resources.sandbox());
            case MathAnswer m -> Verifier.math();
            case Regex r -> Verifier.named(written(), (problem, answer) -> r.pattern().matcher(answer.strip()).matches()
                    ? Verdict.accepted("matches " + r.pattern().pattern()) : Verdict.rejected("does not match " + r.pattern().pattern()));
            case Judge j -> Verifier.llmJudge(resources.judge(j.model()), j.model());
        };
    }

    /**
     * {@code checker} made imperfect by {@code rates}, written {@code FP,FN} (e.g. {@code 0.05,0}), with verdicts drawn
     * from {@code rng}; INVALID_INPUT names the bad rates.
     */
    static Verifier noisy(Verifier checker, String rates, RandomGenerator rng) {
        String[] parts = rates.split(",", -1);
        try {
            if (parts.length > 2) throw new IllegalArgumentException("more than two rates");
            return Verifier.noisy(checker, Double.parseDouble(parts[0].strip()), parts.length > 1 ? Double.parseDouble(parts[1].strip()) : 0, rng);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("checker noise \"%s\": %s (expected FP,FN rates in [0,1], e.g. 0.05,0)", rates, e.getMessage());
        }
    }
}
