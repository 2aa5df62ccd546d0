package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.VerifierRegistry;
import java.util.Optional;
// end: imports
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import java.io.PrintStream;

/**
 * Strategies and verifiers built by hand (docs/thinking.md, docs/verifiers.md): a budget-forced chain, the verifiers
 * by name, a checker by the name a config gives it, and Java unit tests in the sandbox.
 */
public final class StrategiesAndCheckers {

    public static void main(String[] args) {
        run(System.out);
    }

    /** Prints what each one says; returns the maths verdict. */
    public static Verdict run(PrintStream out) {
        // snippet: think
        Strategy s = Strategy.parse("think@2048");
        Strategy t = Strategy.think(2048, 4, Optional.of(ModelFamily.QWEN3), ThinkRoute.CHAT_PREFIX);
        // end: think
        out.println(s.name() + ", " + t.name());
        Problem problem = new Problem("half", "What is one half?", "\\frac{1}{2}");
        String answer = "0.5";
        // snippet: verifiers
        Verifier v = Verifier.math();                  // also exact(), game24(), javaTests(sandbox), named(name, fn)
        Verdict verdict = v.verify(problem, answer);
        Verifier byName = VerifierRegistry.standard().create("game24");   // exact, math, game24; register your own
        Verifier checker = CheckerSpec.parse("regex:-?\\d+").create(CheckerSpec.Resources.none());   // a checker as a plan or --checker names it
        // end: verifiers
        out.println(verdict + "; " + byName.name() + "; " + checker.verify(problem, "12").isAccepted());
        return verdict;
    }

    /** Runs a Java candidate against the problem's tests in the bubblewrap sandbox. */
    public static Verdict javaTests(Problem problem, String candidate) {
        // snippet: sandbox
        try (JavaSandbox sandbox = Sandboxes.bubblewrap(SandboxLimits.defaults(), 2)) {   // dev.ponder.sandbox (module sandbox)
            JavaRun run = JavaTests.verify(sandbox, problem, candidate);   // outcome, detail, millis
            Verdict v = Verifier.javaTests(sandbox).verify(problem, candidate);
            return run.verdict().isAccepted() == v.isAccepted() ? v : Verdict.undecided("the two runs disagree");
        }
        // end: sandbox
    }

    private StrategiesAndCheckers() {}
}
