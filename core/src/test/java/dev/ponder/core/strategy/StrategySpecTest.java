package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StrategySpecTest {
    private final StrategyRegistry registry = StrategyRegistry.standard();

    @Test
    void every_standard_form_reads_as_its_record_and_writes_back_as_its_strategy_is_named() {
        Map<String, StrategySpec> forms = new LinkedHashMap<>();
        forms.put("single", new StrategySpec.Single());
        forms.put("vote@8", new StrategySpec.Vote(8));
        forms.put("wvote@4", new StrategySpec.WeightedVote(4));
        forms.put("best@4", new StrategySpec.Best(4));
        forms.put("verify@3", new StrategySpec.Verify(3));
        forms.put("refine@2", new StrategySpec.Refine(2));
        forms.put("cascade@3", new StrategySpec.Cascade(3));
        forms.put("think@1024", new StrategySpec.Think(1024, 2));
        forms.put("think@1024w4", new StrategySpec.Think(1024, 4));
        forms.put("adaptive", new StrategySpec.Adaptive(OptionalInt.empty(), StrategySpec.Shipped.ANY));
        forms.put("adaptive@16", new StrategySpec.Adaptive(OptionalInt.of(16), StrategySpec.Shipped.ANY));
        forms.put("esc@4", new StrategySpec.Esc(4));
        forms.put("ac@0.95", new StrategySpec.Ac(0.95));
        forms.put("optimal@3", new StrategySpec.Optimal(3));
        forms.put("optimal@2.5", new StrategySpec.Optimal(2.5));
        forms.forEach((written, spec) -> {
            assertThat(StrategySpec.parse(written, registry)).as(written).isEqualTo(spec);
            assertThat(spec.written()).isEqualTo(written);
            switch (spec) {
                case StrategySpec.PerQuestion q -> assertThat(q.create().name()).as(written).isEqualTo(written);
                case StrategySpec.Batch b -> assertThat(b.create(64).name()).as(written).isEqualTo(written);
                case StrategySpec.Auto a -> throw new AssertionError("auto is not read here");
            }
        });
    }

    @Test
    void defaults_are_written_out_and_numbers_canonically() {
        assertThat(registry.spec("cascade").written()).isEqualTo("cascade@3");
        assertThat(registry.spec("think@1024w2").written()).isEqualTo("think@1024");
        assertThat(registry.spec("ac@0.950").written()).isEqualTo("ac@0.95");
    }

    @Test
    void the_batch_form_is_told_apart_by_type() {
        assertThat(StrategySpec.parse("optimal@3", registry)).isInstanceOf(StrategySpec.Batch.class);
        assertThat(StrategySpec.parse("vote@3", registry)).isInstanceOf(StrategySpec.PerQuestion.class);
        assertThat(StrategySpec.isBatch(" optimal@x")).isTrue();
        assertThat(StrategySpec.isBatch("vote@3")).isFalse();
        assertThatThrownBy(() -> StrategySpec.parse("optimal@0.5", registry)).hasMessageContaining("optimal@0.5").hasMessageContaining("S >= 1");
        assertThatThrownBy(() -> registry.spec("optimal@3")).hasMessageContaining("unknown strategy");
    }

    @Test
    void records_check_their_parameters_as_the_written_forms_do() {
        assertThatThrownBy(() -> new StrategySpec.Vote(0)).hasMessage("vote@N needs N >= 1, was 0");
        assertThatThrownBy(() -> new StrategySpec.Think(8, 2)).hasMessageContaining("T >= 16");
        assertThatThrownBy(() -> new StrategySpec.Ac(0.3)).hasMessageContaining("(0.5, 1]");
        assertThatThrownBy(() -> registry.spec("ac@0.3")).hasMessageContaining("bad strategy \"ac@0.3\"").hasMessageContaining("form: ac@T");
    }

    @Test
    void max_samples_applies_to_the_counted_forms_and_keeps_the_rest_of_the_spec() {
        StrategySpec forBank = StrategyRegistry.forDataset(Optional.of("gsm8k")).spec("adaptive");
        assertThat(forBank.withMaxSamples(8)).isEqualTo(new StrategySpec.Adaptive(OptionalInt.of(8), new StrategySpec.Shipped(Optional.of("gsm8k"))));
        assertThat(new StrategySpec.Vote(3).withMaxSamples(9)).isEqualTo(new StrategySpec.Vote(9));
        assertThatThrownBy(() -> new StrategySpec.Cascade(3).withMaxSamples(4)).hasMessage("maxSamples(4) does not apply to cascade (its form is cascade[@V])");
        assertThatThrownBy(() -> new StrategySpec.Optimal(3).withMaxSamples(4)).hasMessageContaining("its form is optimal@S");
    }

    @Test
    void a_registered_strategy_keeps_its_factory_and_takes_max_samples_by_its_form() {
        StrategyRegistry mine = StrategyRegistry.standard().register("twice", "twice@N", "a vote over twice N samples",
                p -> new Twice(StrategyRegistry.positive("twice", p)));
        StrategySpec spec = mine.spec("twice@3");
        assertThat(spec).isInstanceOf(StrategySpec.Custom.class);
        assertThat(spec.written()).isEqualTo("twice@3");
        assertThat(spec.withMaxSamples(5).written()).isEqualTo("twice@5");
        assertThat(((StrategySpec.PerQuestion) spec).create().maxSamples()).isEqualTo(6);
        assertThatThrownBy(() -> mine.spec("twice@0")).hasMessageContaining("bad strategy \"twice@0\"").hasMessageContaining("form: twice@N");
    }

    /** A registered strategy: a vote over 2n samples. */
    record Twice(int n) implements Strategy {
        @Override public String name() { return "twice@" + n; }
        @Override public Result solve(Session session) { return new Vote(2 * n).solve(session); }
        @Override public int maxSamples() { return 2 * n; }
    }
}
