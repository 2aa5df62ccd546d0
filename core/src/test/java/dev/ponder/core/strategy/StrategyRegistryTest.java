package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import org.junit.jupiter.api.Test;

class StrategyRegistryTest {
    @Test
    void parses_known_specs() {
        assertThat(Strategy.parse("single").name()).isEqualTo("single");
        assertThat(Strategy.parse(" vote@8 ").name()).isEqualTo("vote@8");
    }

    @Test
    void an_unknown_strategy_lists_the_known_ones() {
        assertThatThrownBy(() -> Strategy.parse("tree@3")).isInstanceOf(PonderException.class)
                .hasMessageContaining("unknown strategy \"tree@3\"").hasMessageContaining("single").hasMessageContaining("vote@N");
    }

    @Test
    void bad_parameters_name_the_spec() {
        assertThatThrownBy(() -> Strategy.parse("vote@0")).hasMessageContaining("vote@0").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Strategy.parse("vote@x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Strategy.parse("vote")).hasMessageContaining("needs a number");
    }

    @Test
    void a_copy_is_independent_of_its_original() {
        StrategyRegistry original = StrategyRegistry.standard();
        StrategyRegistry copy = original.copy();
        original.register("twice", "twice@N", "a vote over twice N samples", p -> Strategy.vote(2 * StrategyRegistry.positive("twice", p)));
        assertThat(original.spec("twice@2").written()).isEqualTo("vote@4");
        assertThatThrownBy(() -> copy.spec("twice@2")).hasMessageContaining("unknown strategy \"twice@2\"");
        assertThat(copy.forms()).isEqualTo(StrategyRegistry.standard().forms());
    }
}
