package dev.ponder.core.verify.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathEquivalenceTest {

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            \\dfrac{1}{9}                | \\frac{1}{9}
            \\tfrac12                    | 1/2
            0.5                          | \\frac{1}{2}
            \\frac{1}{3}                 | 0.33333
            3,\\!250                     | 3250
            900,\\!000,\\!000            | 900000000
            10{,}000                     | 10000
            \\$6                         | 6
            25\\%                        | 25
            25\\%                        | 0.25
            45^\\circ                    | 45
            45^{\\circ}                  | 45
            \\text{(C)}                  | (C)
            5\\text{ cm}                 | 5
            12 \\text{ inches}           | 12
            \\left( 3, \\frac{\\pi}{2} \\right) | (3,\\frac{\\pi}{2})
            (3, \\pi/2)                  | \\left( 3, \\frac{\\pi}{2} \\right)
            [-2, 7)                      | [-2,7)
            "1, 2, 3"                    | "3,2,1"
            "x = 3"                      | 3
            "k = -\\frac{3}{4}"          | -0.75
            \\frac{-3}{4}                | -\\frac{3}{4}
            2\\sqrt{3}                   | \\sqrt{12}
            \\sqrt2/2                    | \\frac{\\sqrt{2}}{2}
            \\frac{\\sqrt{3}}{3}         | \\frac{1}{\\sqrt{3}}
            1\\frac{1}{4}                | \\frac{5}{4}
            7\\pi                        | 7 \\pi
            x^2+2x+1                     | (x+1)^2
            2x + 3                       | 3+2x
            \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix} | \\begin{bmatrix}1\\\\2\\end{bmatrix}
            5.000                        | 5
            .5                           | 0.5
            \\infty                      | \\infty
            \\boxed{42}                  | 42
            \\text{4:30 p.m.}            | \\text{4:30 p.m.}
            """)
    void equivalent(String answer, String reference) {
        assertThat(MathEquivalence.equivalent(answer, reference))
                .as("%s vs %s (normalised %s vs %s)", answer, reference,
                        MathEquivalence.normalize(answer), MathEquivalence.normalize(reference))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            \\frac{1}{9}                 | \\frac{1}{8}
            \\frac{1}{3}                 | 0.33
            (1, 2)                       | [1, 2]
            [-2, 7)                      | [-2, 7]
            (1, 2)                       | (2, 1)
            "1, 2"                       | "1, 2, 3"
            1\\frac{1}{10}               | 1\\frac{1}{9}
            2x + 3                       | 2x + 4
            x^2                          | y^2
            \\text{4:30 p.m.}            | 4:30
            \\sqrt{2}                    | 2
            ""                           | 0
            6287000                      | 6290000
            0                            | 5x - 7y + 11z + 4 = 0
            9999                         | 10{,}000
            9999.857142857143            | 10000
            0.333                        | \\frac{1}{3}
            \\text{(A)}                  | \\text{(B)}
            """)
    void notEquivalent(String answer, String reference) {
        assertThat(MathEquivalence.equivalent(answer == null ? "" : answer, reference))
                .as("%s vs %s (normalised %s vs %s)", answer, reference,
                        MathEquivalence.normalize(answer == null ? "" : answer), MathEquivalence.normalize(reference))
                .isFalse();
    }
}
