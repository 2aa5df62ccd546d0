package dev.ponder.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.verify.java.JavaOutcome;
import dev.ponder.core.verify.java.JavaProblems;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.core.verify.java.JavaTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference solutions of HumanEval-X Java and MBJP pass in the sandbox; a wrong return value fails. */
class ReferenceSolutionsTest {

    /** MBJP references that do not compile (listed in problems_mbpp_java/PROVENANCE.md). */
    private static final Set<String> MBJP_BROKEN = Set.of("MBJP/180", "MBJP/198", "MBJP/214", "MBJP/300", "MBJP/397",
            "MBJP/432", "MBJP/519", "MBJP/535", "MBJP/622", "MBJP/738", "MBJP/904");

    /** MBJP references whose tests only "pass" because the solution calls System.exit(0). */
    static final Set<String> MBJP_EXIT_ZERO = Set.of("MBJP/106", "MBJP/325", "MBJP/553", "MBJP/579", "MBJP/835", "MBJP/871");

    private static JavaSandbox sandbox;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Sandboxes.bubblewrapUnavailable().isEmpty(),
                () -> "skipping sandboxed Java tests: " + Sandboxes.bubblewrapUnavailable().orElse(""));
        sandbox = Sandboxes.bubblewrap(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(20)), 2);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    @Test
    void all_humaneval_x_references_pass() throws Exception {
        Path file = SharedData.resolve("data/problems_humaneval_java/humanevalx_java.jsonl").orElse(null);
        Assumptions.assumeTrue(file != null, "../shared not present: skipping HumanEval-X references");
        List<Problem> problems = JavaProblems.load(file);
        assertThat(problems).hasSize(164);
        Map<String, JavaRun> failures = runAll(problems);
        assertThat(failures).isEmpty();
    }

    @Test
    void mbjp_references_that_compile_pass() throws Exception {
        Path file = SharedData.resolve("data/problems_mbpp_java/mbjp_release_v1.2.jsonl").orElse(null);
        Assumptions.assumeTrue(file != null, "../shared not present: skipping MBJP references");
        List<Problem> problems = JavaProblems.load(file).stream()
                .filter(p -> !p.reference().isEmpty() && !MBJP_BROKEN.contains(p.id())).toList();
        assertThat(problems).hasSize(863);
        Map<String, JavaRun> failures = runAll(problems);
        // These six "pass" a javac+java harness only because they call System.exit(0) before a test fails
        // (e.g. MBJP/106 exits when the two lists differ in length, which every test case does).
        assertThat(failures).containsOnlyKeys(MBJP_EXIT_ZERO);
        assertThat(failures.values()).allSatisfy(run -> {
            assertThat(run.outcome()).isEqualTo(JavaOutcome.VIOLATION);
            assertThat(run.detail()).contains("System.exit");
        });
    }

    @Test
    void a_mutated_solution_fails_and_a_syntax_error_does_not_compile() {
        Problem p = TinyProblem.addition();
        assertThat(JavaTests.verify(sandbox, p, "        return a + b;\n    }\n}\n").outcome()).isEqualTo(JavaOutcome.PASSED);
        JavaRun wrong = JavaTests.verify(sandbox, p, "        return a + b + 1;\n    }\n}\n");
        assertThat(wrong.outcome()).isEqualTo(JavaOutcome.FAILED);
        assertThat(wrong.verdict().reason()).startsWith("failed: java.lang.AssertionError");
        assertThat(JavaTests.verify(sandbox, p, "        return a +;\n    }\n}\n").outcome()).isEqualTo(JavaOutcome.COMPILE_ERROR);
    }

    @Test
    void a_mutated_humaneval_reference_fails() {
        Path file = SharedData.resolve("data/problems_humaneval_java/humanevalx_java.jsonl").orElse(null);
        Assumptions.assumeTrue(file != null, "../shared not present");
        Problem p = JavaProblems.load(file).get(2); // truncateNumber: return number % 1.0;
        assertThat(p.reference()).contains("return number % 1.0;");
        String mutated = p.reference().replace("return number % 1.0;", "return number % 1.0 + 0.5;");
        assertThat(JavaTests.verify(sandbox, p, mutated).outcome()).isEqualTo(JavaOutcome.FAILED);
    }

    private static Map<String, JavaRun> runAll(List<Problem> problems) throws Exception {
        long start = System.nanoTime();
        Map<String, JavaRun> failures = new TreeMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<JavaRun>> runs = new ArrayList<>();
            for (Problem p : problems) runs.add(pool.submit(() -> JavaTests.verify(sandbox, p, p.reference())));
            for (int i = 0; i < problems.size(); i++) {
                JavaRun run = runs.get(i).get();
                if (run.outcome() != JavaOutcome.PASSED) failures.put(problems.get(i).id(), run);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d references in %.1f s (%.1f per second), %d not passed: %s%n",
                problems.size(), seconds, problems.size() / seconds, failures.size(), failures);
        return failures;
    }
}
