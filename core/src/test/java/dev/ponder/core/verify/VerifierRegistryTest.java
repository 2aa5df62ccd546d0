package dev.ponder.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import org.junit.jupiter.api.Test;

class VerifierRegistryTest {

    @Test
    void standard_verifiers_are_registered_by_name() {
        VerifierRegistry registry = VerifierRegistry.standard();
        assertThat(registry.names()).containsExactlyInAnyOrder("exact", "math", "game24");
        Problem maths = new Problem("m/1", "1/2 + 1/4?", "\\frac{3}{4}");
        assertThat(registry.create("math").verify(maths, "0.75").isAccepted()).isTrue();
        assertThat(registry.create("exact").verify(maths, "0.75").isAccepted()).isFalse();
        assertThat(registry.create("game24").verify(new Problem("g/1", "4 6 1 1", "24"), "4 * 6 * 1 * 1").isAccepted()).isTrue();
        assertThat(registry.create("math").verify(new Problem("m/2", "?", ""), "1").reason()).isEqualTo("no reference answer");
    }

    @Test
    void unknown_and_duplicate_names_are_refused() {
        VerifierRegistry registry = VerifierRegistry.standard();
        assertThatThrownBy(() -> registry.create("nope")).isInstanceOf(PonderException.class)
                .hasMessageContaining("known: exact, math, game24");
        assertThatThrownBy(() -> registry.register("math", Verifier::math)).hasMessageContaining("already registered");
    }
}
