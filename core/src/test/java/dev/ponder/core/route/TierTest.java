package dev.ponder.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierTest {
    @Test
    void parses_strategy_and_model() {
        assertThat(Tier.parse("vote@8:cheap")).isEqualTo(new Tier("vote@8", "cheap"));
        assertThat(Tier.parse("adaptive:reasoning").name()).isEqualTo("adaptive:reasoning");
    }

    @Test
    void bare_model_names_are_single_calls_even_with_slashes() {
        assertThat(Tier.parse("meta/llama-2-70b-chat")).isEqualTo(Tier.single("meta/llama-2-70b-chat"));
        assertThat(Tier.parse("single:gpt-4").model()).isEqualTo("gpt-4");
    }

    @Test
    void rejects_blank_model_and_bad_strategy() {
        assertThatThrownBy(() -> new Tier("single", " ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> new Tier("Vote 8", "m")).hasMessageContaining("Vote 8");
    }
}
