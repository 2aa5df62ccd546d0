package dev.ponder.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.strategy.StrategySpec;
import dev.ponder.core.testing.TestCalibrations;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void reads_strategy_and_model_as_the_proxy_writes_them() {
        assertThat(Policy.parse("vote@8").strategy().written()).isEqualTo("vote@8");
        assertThat(Policy.parse("vote@8").model()).isEmpty();
        Policy p = Policy.parse(" vote@8:gpt-4o-mini ");
        assertThat(p.strategy().written()).isEqualTo("vote@8");
        assertThat(p.model()).contains("gpt-4o-mini");
        assertThat(p.written()).isEqualTo("vote@8:gpt-4o-mini");
        assertThat(Policy.parse("adaptive:llama3:8b").model()).contains("llama3:8b");
        assertThat(Policy.parse("auto").strategy()).isEqualTo(Policy.AUTO);
    }

    @Test
    void a_calibration_file_in_the_spec_belongs_to_the_strategy(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path f = dir.resolve("cal.json");
        CalibrationFile.write(f, TestCalibrations.of("ac", 0.9, 16, "m"));
        Policy p = Policy.parse("adaptive:" + f + ":llama3:8b");
        assertThat(p.strategy().written()).isEqualTo("adaptive:" + f);
        assertThat(p.model()).contains("llama3:8b");
        assertThat(Policy.parse(p.written())).isEqualTo(p);
        assertThat(Policy.parse("adaptive:" + f).model()).isEmpty();
        assertThat(((StrategySpec.Adaptive) Policy.adaptive(f).strategy()).calibration()).hasValueSatisfying(c -> assertThat(c.fullBudget()).isEqualTo(16));
        assertThatThrownBy(() -> Policy.adaptive(f).withMaxSamples(4)).hasMessageContaining("does not apply to a calibrated adaptive");
        assertThatThrownBy(() -> Policy.parse("adaptive:" + dir.resolve("missing.json"))).hasMessageContaining("calibration file not found");
    }

    @Test
    void typed_builders_give_the_same_policies() {
        Policy p = Policy.adaptive().withMaxSamples(16).withBudgetDollars(0.05);
        assertThat(p.strategy().written()).isEqualTo("adaptive@16");
        assertThat(p.budget().maxDollars()).contains(0.05);
        assertThat(Policy.vote(5)).isEqualTo(Policy.parse("vote@5"));
        assertThat(Policy.single().strategy().written()).isEqualTo("single");
        assertThat(Policy.vote(3).withMaxSamples(9).strategy().written()).isEqualTo("vote@9");
        Policy q = Policy.vote(5).withModel("m").withAnswer("number").withMaxTokens(256).withBudgetTokens(1000).withDeadline(Duration.ofSeconds(3));
        assertThat(q.written()).isEqualTo("vote@5:m");
        assertThat(q.answer()).contains("number");
        assertThat(q.maxTokens()).contains(256);
        assertThat(q.budget().maxTokens()).contains(1000L);
        assertThat(q.budget().deadline()).contains(Duration.ofSeconds(3));
    }

    @Test
    void rejects_bad_policies_naming_the_bad_value() {
        assertThatThrownBy(() -> Policy.parse("vote@0")).isInstanceOf(PonderException.class).hasMessageContaining("vote@0");
        assertThatThrownBy(() -> Policy.parse("think-hard:gpt-4o")).hasMessageContaining("think-hard").hasMessageContaining("vote@N").hasMessageContaining("optimal@S");
        assertThatThrownBy(() -> Policy.parse("vote@8:")).hasMessageContaining("STRATEGY:MODEL");
        assertThatThrownBy(() -> Policy.parse(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Policy.single().withMaxSamples(4)).hasMessageContaining("maxSamples(4)").hasMessageContaining("single");
        assertThatThrownBy(() -> Policy.vote(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> Policy.vote(5).withBudgetDollars(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Policy.vote(5).withBudgetDollars(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Policy.vote(5).withAnswer("roman")).hasMessageContaining("roman").hasMessageContaining("number");
        assertThatThrownBy(() -> Policy.vote(5).withMaxTokens(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> Policy.vote(5).withDeadline(Duration.ZERO)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> Policy.vote(5).withModel(" ")).hasMessageContaining("blank");
    }

    @Test
    void a_policy_read_with_your_registry_keeps_its_strategy_through_withers_and_the_engine() {
        StrategyRegistry mine = StrategyRegistry.standard().register("twice", "twice@N", "a vote over twice N samples",
                p -> new Twice(StrategyRegistry.positive("twice", p)));
        Policy p = Policy.parse("twice@2:m", mine).withMaxSamples(3).withBudgetDollars(1);
        assertThat(p.written()).isEqualTo("twice@3:m");
        try (Ponder engine = Ponder.builder().backend("m", Backend.scripted().script(i -> "42").build()).build()) {
            assertThat(engine.solve("q", p).sampleCount()).as("the engine's own registry is the standard one").isEqualTo(6);
        }
    }

    /** A registered strategy: a vote over 2n samples, under its own name. */
    record Twice(int n) implements Strategy {
        @Override public String name() { return "twice@" + n; }
        @Override public Result solve(Session session) { return Strategy.vote(2 * n).solve(session); }
        @Override public int maxSamples() { return 2 * n; }
    }

    @Test
    void errors_are_invalid_input() {
        try {
            Policy.parse("nope");
        } catch (PonderException e) {
            assertThat(e.kind()).isEqualTo(PonderException.Kind.INVALID_INPUT);
            return;
        }
        throw new AssertionError("no exception");
    }
}
