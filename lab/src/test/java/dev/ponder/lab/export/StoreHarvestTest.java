package dev.ponder.lab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Problem;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.RunInfo;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredDecision;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.lab.store.StoredSample;
import dev.ponder.lab.store.Unit;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreHarvestTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    private static StoredSample sample(int i, String text, String answer, boolean ok) {
        return new StoredSample(i, text, "", answer, Optional.of(ok), Optional.empty(), 5, 20, 0, 0.002, 1);
    }

    private static Unit unit(String config, String problem, String finalAnswer, StoredSample... samples) {
        return new Unit(new StoredOutcome(config, problem, finalAnswer, true, samples.length, 5, 20, 0, 0.002 * samples.length, 1, "DONE", 1,
                Optional.empty()), List.of(samples), List.of(new StoredDecision(0, "final", samples.length, "")));
    }

    private static SampleStore store(Path dir) {
        SampleStore s = SampleStore.open(dir.resolve("s.duckdb"), CLOCK);
        s.startRun(new RunInfo("r1", "plan", "p.yaml", "h", "text", CLOCK.instant()));
        s.addConfigs("r1", List.of(new ConfigRow("c-single", 0, "set", "problems", "math", "openai", "m1", "single", "unlimited", 0, 1, 2),
                new ConfigRow("c-vote", 1, "set", "problems", "math", "openai", "m1", "vote@3", "unlimited", 0, 1, 2)));
        s.addProblems("r1", "set", List.of(new Problem("q1", "What is 6 x 7?", "42"), new Problem("q2", "What is 2 + 2?", "4")));
        s.write("r1", List.of(unit("c-single", "q1", "41", sample(0, "it is 41", "41", false)),
                unit("c-vote", "q1", "42", sample(0, "6 x 7 = 42", "42", true), sample(1, "it is 41", "41", false), sample(2, "42.", "42", true)),
                unit("c-single", "q2", "", sample(0, "no idea", "", false))));
        return s;
    }

    @Test
    void a_stored_run_gives_one_group_per_configuration_and_problem_with_its_final_answer(@TempDir Path dir) {
        try (SampleStore s = store(dir)) {
            Harvest h = Harvest.of(s, "r1", Set.of());
            assertThat(h.groups()).extracting(g -> g.origin().strategy() + "/" + g.problem().id() + "=" + g.finalAnswer().orElse("none"))
                    .containsExactly("single/q1=41", "single/q2=none", "vote@3/q1=42");
            Group vote = h.groups().get(2);
            assertThat(vote.kind()).isEqualTo("math");
            assertThat(vote.problem().question()).isEqualTo("What is 6 x 7?");
            assertThat(vote.origin()).isEqualTo(new Origin("r1", "set", "c-vote", "vote@3", "m1"));
            assertThat(vote.draws()).extracting(Draw::index).containsExactly(0, 1, 2);
            assertThat(vote.draws().getFirst().inputTokens()).contains(5.0);
            assertThat(Harvest.of(s, "r1", Set.of("vote@3")).groups()).hasSize(1);
        }
    }

    @Test
    void an_unknown_strategy_is_refused_naming_the_run_s_strategies(@TempDir Path dir) {
        try (SampleStore s = store(dir)) {
            assertThatThrownBy(() -> Harvest.of(s, "r1", Set.of("vote@5")))
                    .hasMessage("--strategy vote@5: run r1 has no such configuration; its strategies: [single, vote@3]");
        }
    }

    @Test
    void verified_from_the_store_dedupes_across_configurations_and_pairs_with_a_failing_sample(@TempDir Path dir) {
        try (SampleStore s = store(dir)) {
            var w = (Exporter.Written) Exporter.export(Harvest.of(s, "r1", Set.of()), Exporter.request("verified", Optional.empty(), "auto",
                    Optional.empty(), 0, 0, Optional.empty(), "inline", Optional.of(dir.resolve("sft.jsonl")), Optional.of(dir.resolve("p.jsonl")), Optional.empty()));
            Yield y = w.harvest();
            assertThat(y.problems()).hasSize(2);
            assertThat(y.examples()).isEqualTo(2);
            assertThat(y.pairs()).isEqualTo(1);
            assertThat(y.frontier()).extracting(p -> p.problem().id()).containsExactly("q2");
            assertThat(y.spend().inputTokens()).isEqualTo(25.0);
            assertThat(y.table()).anySatisfy(l -> assertThat(l).startsWith("  input tokens"));
        }
    }
}
