package dev.ponder.core.verify;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.verify.game24.Game24;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import dev.ponder.core.verify.math.MathEquivalence;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Judges one extracted answer to a problem. Implementations must be thread-safe: strategies call them from many
 * virtual threads. A verifier that cannot judge (no reference, checker unavailable) returns {@link Verdict.Undecided}
 * rather than throwing.
 */
public interface Verifier {

    Verdict verify(Problem problem, String answer);

    /** The name it is registered under, e.g. {@code math} or {@code java-tests}. */
    String name();

    /** Accepts when the trimmed answer equals the trimmed reference exactly. */
    static Verifier exact() {
        return named("exact", (problem, answer) -> problem.reference().isBlank()
                ? Verdict.undecided("no reference answer")
                : answer.strip().equals(problem.reference().strip())
                        ? Verdict.accepted("equals the reference")
                        : Verdict.rejected("differs from the reference"));
    }

    /** MATH-style answer equivalence: LaTeX normalisation, then structural and numeric comparison. */
    static Verifier math() {
        return named("math", (problem, answer) -> {
            if (problem.reference().isBlank()) return Verdict.undecided("no reference answer");
            return MathEquivalence.equivalent(answer, problem.reference())
                    ? Verdict.accepted("equivalent to the reference")
                    : Verdict.rejected("not equivalent to the reference");
        });
    }

    /** Game of 24: the question holds the four numbers; the answer is an expression (or a text ending in one). */
    static Verifier game24() {
        return named("game24", (problem, answer) -> Game24.check(problem.question(), answer).verdict());
    }

    /**
     * {@code truth} made imperfect: wrong answers pass with probability {@code falsePositive}, right ones fail with
     * probability {@code falseNegative}, drawn from {@code rng} (seed it for reproducible verdicts).
     */
    static Verifier noisy(Verifier truth, double falsePositive, double falseNegative, RandomGenerator rng) {
        return new NoisyVerifier(truth, falsePositive, falseNegative, rng);
    }

    /**
     * Runs the problem's unit tests (HumanEval-X / MBJP layout: {@code prompt} and {@code test} in the problem's extra
     * fields) against the candidate, a method body or the whole class, inside {@code sandbox}.
     */
    static Verifier javaTests(JavaSandbox sandbox) {
        return named("java-tests", (problem, answer) -> {
            try {
                return JavaTests.verify(sandbox, problem, answer).verdict();
            } catch (PonderException e) {
                return Verdict.undecided("cannot run the tests: " + e.getMessage());
            }
        });
    }

    /** A live model grading answers through {@code backend}; its usage is counted in {@link LlmJudge#usage()}. */
    static LlmJudge llmJudge(Backend backend, String model) {
        return new LlmJudge(backend, model);
    }

    /**
     * The reference checker for a kind of answer (a bank's {@code answer_kind} and domain, or a problem set's kind):
     * Game of 24 expressions, maths (LaTeX or numbers), code (undecided here: code is judged by running its tests,
     * {@link #javaTests}), else exact strings.
     */
    static Verifier forKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.contains("24")) return game24();
        if (k.contains("math") || k.contains("latex") || k.contains("number")) return math();
        if (k.contains("code")) {
            return named("code", (p, a) -> Verdict.undecided("code answers are checked by running the problem's tests (ponder run --pass-at-k)"));
        }
        return exact();
    }

    /** A verifier from a function, for tests and small adapters. */
    static Verifier named(String name, BiFunction<Problem, String, Verdict> check) {
        return new NamedVerifier(name, check);
    }
}
