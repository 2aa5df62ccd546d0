package dev.ponder.core.verify.game24;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Game24Test {

    @Test
    void accepts_a_correct_expression_in_exact_arithmetic() {
        assertThat(Game24.check("1 5 5 5", "(5 - 1 / 5) * 5").correct()).isTrue();
        assertThat(Game24.check("3 3 8 8", "8 / (3 - 8 / 3)").correct()).isTrue();
        assertThat(Game24.check("4 9 10 13", "Steps:\n13 - 9 = 4\nAnswer: (13 - 9) * (10 - 4) = 24").correct()).isTrue();
    }

    @Test
    void rejects_wrong_value_wrong_numbers_and_garbage() {
        assertThat(Game24.check("1 2 4 7", "(7 - 1) * 4 - 2").reason()).contains("equals 22");
        assertThat(Game24.check("1 2 4 7", "(7 + 1) * 3").reason()).contains("uses [7, 1, 3]");
        assertThat(Game24.check("1 2 4 7", "(7 - 1) * 4 * 1 * 2").correct()).isFalse();
        assertThat(Game24.check("2 3 4 12", "12 x 2 / (4 - 3)").reason()).contains("not an arithmetic expression");
        assertThat(Game24.check("1 2 3 4", "4 / (3 - 3) + 1 * 2").correct()).isFalse();
        assertThat(Game24.check("1 2 3 4", "").reason()).isEqualTo("no expression");
        assertThat(Game24.check("1 2 3 4", "Answer: not possible").correct()).isFalse();
    }

    @Test
    void extracts_the_last_answer_line_before_the_equals_sign() {
        assertThat(Game24.extractExpression("Steps:\n1 + 2 = 3\nAnswer: (1 + 2) * 8 = 24")).isEqualTo("(1 + 2) * 8");
        assertThat(Game24.extractExpression("(1 + 2) * 8")).isEqualTo("(1 + 2) * 8");
    }
}
