package dev.ponder.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.java.JavaSandbox;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CheckerSpecTest {
    private static final CheckerSpec.Resources NONE = new CheckerSpec.Resources() {
        public JavaSandbox sandbox() { throw new AssertionError("no sandbox expected"); }

        public Backend judge(String model) { return Backend.scripted().texts("VERDICT: CORRECT").build(); }
    };

    private static Problem problem(String question, String reference) { return new Problem("p", question, reference); }

    @Test
    void every_form_parses_and_writes_back() {
        for (String s : new String[] {"game24", "java-tests", "math", "regex:-?\\d+", "llm-judge:gpt-4o-mini"}) {
            assertThat(CheckerSpec.parse(s).written()).isEqualTo(s);
        }
        assertThat(CheckerSpec.parse("math").readsReference()).isTrue();
        assertThat(CheckerSpec.parse("game24").readsReference()).isFalse();
    }

    @Test
    void bad_specs_name_the_spec_and_the_known_forms() {
        assertThatThrownBy(() -> CheckerSpec.parse("oracle")).isInstanceOf(PonderException.class)
                .hasMessage("unknown checker \"oracle\"; known: game24, java-tests, math, regex:PATTERN, llm-judge:MODEL");
        assertThatThrownBy(() -> CheckerSpec.parse("regex:(")).hasMessageStartingWith("checker \"regex:(\": bad pattern: ");
        assertThatThrownBy(() -> CheckerSpec.parse("regex:")).hasMessageContaining("regex needs a pattern");
        assertThatThrownBy(() -> CheckerSpec.parse("game24:x")).hasMessageContaining("game24 takes no argument");
        assertThatThrownBy(() -> CheckerSpec.parse("llm-judge:")).hasMessageContaining("needs a model");
        assertThatThrownBy(() -> CheckerSpec.parse(" ")).hasMessageStartingWith("checker is blank");
    }

    @Test
    void the_named_checkers_judge_answers() {
        Problem p24 = problem("4 6 8 2", "");
        assertThat(CheckerSpec.parse("game24").create(NONE).verify(p24, "6 * 8 / (4 - 2)").isAccepted()).isTrue();
        Problem half = problem("What is one half?", "\\frac{1}{2}");
        assertThat(CheckerSpec.parse("math").create(NONE).verify(half, "0.5").isAccepted()).isTrue();
        Verifier whole = CheckerSpec.parse("regex:-?\\d+").create(NONE);
        assertThat(whole.verify(half, " 12 ").isAccepted()).isTrue();
        assertThat(whole.verify(half, "12.5").isAccepted()).isFalse();
        assertThat(CheckerSpec.parse("llm-judge:judge").create(NONE).verify(half, "0.5").isAccepted()).isTrue();
    }

    @Test
    void noise_is_checked_and_seeded() {
        Verifier noisy = CheckerSpec.noisy(Verifier.game24(), "1,0", new SplittableRandom(1));
        assertThat(noisy.verify(problem("4 6 8 2", ""), "1 + 1").isAccepted()).as("every wrong answer passes at FP 1").isTrue();
        assertThatThrownBy(() -> CheckerSpec.noisy(Verifier.game24(), "0.5,2", new SplittableRandom(1)))
                .hasMessageStartingWith("checker noise \"0.5,2\": ");
        assertThatThrownBy(() -> CheckerSpec.noisy(Verifier.game24(), "x", new SplittableRandom(1))).hasMessageContaining("FP,FN");
    }
}
