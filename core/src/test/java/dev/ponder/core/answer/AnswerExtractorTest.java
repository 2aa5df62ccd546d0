package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerExtractorTest {

    @Test
    void numbers_follow_gsm8k_hashes_then_answer_phrase_then_last_number() {
        AnswerExtractor n = AnswerExtractor.number();
        assertThat(n.extract("She pays 3 + 4 = 7.\n#### 1,234")).isEqualTo("1234");
        assertThat(n.extract("So the total is 12 apples. The answer is $18.50.")).isEqualTo("18.5");
        assertThat(n.extract("2 + 2 = 4 and then 4 * 10 = 40 dollars.")).isEqualTo("40");
        assertThat(n.extract("The answer is -3.")).isEqualTo("-3");
        assertThat(n.extract("Thus \\boxed{42} is it, not 7")).isEqualTo("42");
        assertThat(n.extract("no digits here")).isEmpty();
        assertThat(n.extract("#### 5.000")).isEqualTo("5");
    }

    @Test
    void boxed_takes_the_last_box_with_nested_braces() {
        AnswerExtractor b = AnswerExtractor.boxed();
        assertThat(b.extract("first \\boxed{1} then \\boxed{\\frac{1}{\\sqrt{2}}}.")).isEqualTo("\\frac{1}{\\sqrt{2}}");
        assertThat(b.extract("so \\boxed{(3, \\frac{\\pi}{2})}$")).isEqualTo("(3, \\frac{\\pi}{2})");
        assertThat(b.extract("The answer is $5$.")).isEqualTo("5");
        assertThat(b.extract("\\boxed{unclosed")).isEmpty();
    }

    @Test
    void choice_reads_letters_in_common_phrasings() {
        AnswerExtractor c = AnswerExtractor.choice();
        assertThat(c.extract("Thinking... The answer is (C).")).isEqualTo("C");
        assertThat(c.extract("Answer: b")).isEqualTo("B");
        assertThat(c.extract("I pick \\boxed{D}")).isEqualTo("D");
        assertThat(c.extract("It must be (A)")).isEqualTo("A");
        assertThat(c.extract("no letter")).isEmpty();
    }

    @Test
    void code_prefers_the_last_tagged_fence() {
        String text = "Here:\n```\nuntagged\n```\nand\n```java\nclass A {}\n```\ndone";
        assertThat(AnswerExtractor.codeBlock().extract(text)).isEqualTo("class A {}");
        assertThat(AnswerExtractor.codeBlock().extract("return 1;")).isEqualTo("return 1;");
    }

    @Test
    void exact_strips_quotes_periods_and_case() {
        AnswerExtractor e = AnswerExtractor.exact();
        assertThat(e.extract("Concatenating gives 'ab'. The answer is \"nehH\".")).isEqualTo("nehh");
        assertThat(e.extract("The answer is yajo.\nMore text")).isEqualTo("yajo");
        assertThat(e.extract("nothing stated")).isEmpty();
    }

    @Test
    void unknown_extractor_lists_the_known_ones() {
        assertThatThrownBy(() -> AnswerExtractor.forName("regex"))
                .hasMessageContaining("regex").hasMessageContaining("exact").hasMessageContaining("boxed");
    }

    @Test
    void every_extractor_reads_an_answer_written_after_the_forced_cue() {
        // think@T ends a chain with "Final Answer:" and the model writes the bare answer after it
        assertThat(AnswerExtractor.exact().extractAfterCue(" 42")).isEqualTo("42");
        assertThat(AnswerExtractor.exact().extract(" 42")).as("on its own, the phrase extractor finds nothing").isEmpty();
        assertThat(AnswerExtractor.number().extractAfterCue("42 boxes")).isEqualTo("42");
        assertThat(AnswerExtractor.boxed().extractAfterCue("\\frac{1}{2}")).isEqualTo("\\frac{1}{2}");
        assertThat(AnswerExtractor.boxed().extractAfterCue("\\boxed{7}")).isEqualTo("7");
        assertThat(AnswerExtractor.choice().extractAfterCue("C")).isEqualTo("C");
        assertThat(AnswerExtractor.codeBlock().extractAfterCue("```java\nint x;\n```")).isEqualTo("int x;");
        assertThat(AnswerExtractor.exact().extractAfterCue("The answer is Paris.")).isEqualTo("paris");
    }
}
