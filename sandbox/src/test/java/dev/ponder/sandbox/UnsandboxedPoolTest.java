package dev.ponder.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The same warm pool without isolation (explicit opt-in for trusted code) works where bwrap is missing. */
class UnsandboxedPoolTest {

    @Test
    void trusted_code_runs_without_a_sandbox_and_is_labelled_so() {
        Problem p = TinyProblem.addition();
        try (JavaSandbox pool = Sandboxes.unsandboxed(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(20)), 1)) {
            assertThat(pool.isolation()).isEqualTo("unsandboxed");
            Verifier tests = Verifier.javaTests(pool);
            assertThat(tests.verify(p, p.reference()).isAccepted()).isTrue();
            assertThat(tests.verify(p, "        return 0;\n    }\n}\n").reason()).startsWith("failed:");
            assertThat(tests.verify(p, "class Solution { public int add(int a, int b) { return b + a; } }").isAccepted())
                    .as("a whole class is accepted too").isTrue();
        }
    }
}
