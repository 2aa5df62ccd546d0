package dev.ponder.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeBlocksTest {
    @Test
    void takes_the_last_block_of_the_language_else_the_last_untagged() {
        String text = "First:\n```java\nint a;\n```\nthen\n```python\nx = 1\n```\nfinally\n```java\nint b;\n```\n";
        assertThat(CodeBlocks.last(text, "java")).contains("int b;\n");
        assertThat(CodeBlocks.last("```\nplain\n```", "java")).contains("plain\n");
        assertThat(CodeBlocks.last("no code here", "java")).isEmpty();
    }
}
