package dev.ponder.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ponder.core.model.Problem;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Garbage in (what models write) never makes a verifier throw. */
class RobustnessTest {

    private static final String[] PIECES = {"\\frac", "{", "}", "(", ")", "[", "]", "1", "23", ".", ",", "-", "+", "*",
        "/", "^", "\\sqrt", "x", "=", "\\text{", "\\pi", "%", "\\$", " ", "\\left(", "\\right)", "\\\\", "&", "!", "_",
        "\\begin{pmatrix}", "\\end{pmatrix}", "\\infty", "e", "\\boxed{", "answer:", "\n", "0"};

    @Test
    void math_and_game24_survive_random_inputs() {
        SplittableRandom random = new SplittableRandom(42);
        Verifier math = Verifier.math(), game24 = Verifier.game24();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder a = new StringBuilder(), b = new StringBuilder();
            int n = random.nextInt(1, 25);
            for (int j = 0; j < n; j++) a.append(PIECES[random.nextInt(PIECES.length)]);
            for (int j = 0; j < n; j++) b.append(PIECES[random.nextInt(PIECES.length)]);
            Problem p = new Problem("fuzz/" + i, "1 2 3 4", b.toString());
            assertThatCode(() -> math.verify(p, a.toString())).as("math %s vs %s", a, b).doesNotThrowAnyException();
            assertThatCode(() -> game24.verify(p, a.toString())).as("game24 %s", a).doesNotThrowAnyException();
        }
    }

    @Test
    void deeply_nested_input_is_rejected_not_a_stack_overflow() {
        String deep = "(".repeat(100_000) + "24" + ")".repeat(100_000);
        assertThat(Verifier.game24().verify(new Problem("g", "24 1 1 1", "24"), deep).isAccepted()).isFalse();
        assertThat(Verifier.math().verify(new Problem("m", "?", "24"), deep).isAccepted()).isFalse();
    }
}
