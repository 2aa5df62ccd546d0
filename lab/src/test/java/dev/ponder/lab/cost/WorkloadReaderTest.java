package dev.ponder.lab.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadReaderTest {
    @TempDir Path dir;

    private LoadedWorkload read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return WorkloadReader.read(f, PriceCatalogue.shipped(), "the shipped price catalogue");
    }

    private void fails(String text, String... parts) {
        Path f = dir.resolve("w.yaml");
        assertThatThrownBy(() -> read("w.yaml", text)).isInstanceOf(PonderException.class)
                .satisfies(e -> assertThat(((PonderException) e).kind()).isEqualTo(PonderException.Kind.INVALID_INPUT))
                .hasMessageStartingWith(f + ":").hasMessageContainingAll(parts);
    }

    static Path shipped() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path w = p.resolve("plans/workload.example.yaml");
            if (Files.exists(w)) return w;
        }
        throw new IllegalStateException("plans/workload.example.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void reads_the_shipped_workload() {
        LoadedWorkload w = WorkloadReader.read(shipped(), PriceCatalogue.shipped(), "shipped");
        assertThat(w.workload().classes()).extracting(QueryClass::name).containsExactly("simple", "support", "complex", "critical");
        assertThat(w.workload().totalQueries()).isEqualTo(1_000_000);
        assertThat(w.workload().demand().get(3).share()).isCloseTo(2e-5, within(1e-15));
        assertThat(w.workload().classes().get(3).deadlineSeconds().getAsDouble()).isEqualTo(7200);
        assertThat(w.workload().classes().get(1).tiers()).extracting(TierSpec::name).containsExactly("single:gpt-4o-mini", "vote@3:o4-mini");
    }

    @Test
    void shares_of_a_monthly_total_and_counts_agree() throws Exception {
        Workload w = read("w.json", """
                {"name": "j", "monthly_queries": 1000, "classes": [
                  {"name": "a", "share": 0.75, "tier": "gpt-4o-mini", "assume": {"input_tokens": 10, "output_tokens": 5}},
                  {"name": "b", "monthly_queries": 250, "share": 0.25, "tier": "vote@3:o3-mini", "assume": {"input_tokens": 10, "output_tokens": 5}}]}
                """).workload();
        assertThat(w.demand()).containsExactly(new Demand(0.75, 750), new Demand(0.25, 250));
        assertThat(w.classes().get(0).tiers().getFirst()).isEqualTo(new TierSpec("single", "gpt-4o-mini"));
    }

    @Test
    void shares_that_do_not_sum_to_one_name_the_classes_line() {
        fails("""
                name: w
                monthly_queries: 1000
                classes:
                  - {name: a, share: 0.5, tier: gpt-4o-mini}
                  - {name: b, share: 0.3, tier: gpt-4o-mini}
                """, "w.yaml:3: classes: the classes' shares sum to 0.8 (0.5 + 0.3), they must sum to 1");
    }

    @Test
    void a_negative_volume_names_its_field_and_line() {
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    tier: gpt-4o-mini
                  - name: b
                    tier: gpt-4o-mini
                    monthly_queries: -5
                """, "w.yaml:8: classes[1].monthly_queries: must be a number >= 0, was -5.0");
    }

    @Test
    void an_unknown_strategy_names_the_tier_and_lists_the_known_ones() {
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    tier: majority@5:gpt-4o-mini
                """, "w.yaml:5: classes[0].tier: unknown strategy \"majority@5\"", "vote@N");
    }

    @Test
    void a_model_without_a_price_is_named() {
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    router:
                      - {tier: gpt-4o-mini, share: 0.5}
                      - {tier: "vote@3:my-own-model", share: 0.5}
                """, "w.yaml:7: classes[0].router[1].tier: model \"my-own-model\" has no price in the shipped price catalogue", "--prices FILE");
    }

    @Test
    void an_unknown_field_names_the_file_line_and_field() {
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    tier: gpt-4o-mini
                    latency: 3s
                """, "w.yaml:6", "unknown field \"latency\"", "classes[0]", "deadline");
    }

    @Test
    void values_that_make_no_sense_name_their_field() {
        fails("""
                name: w
                classes:
                  - {name: a, monthly_queries: 10, tier: gpt-4o-mini, deadline: soon}
                """, "w.yaml:3: classes[0].deadline: write a duration such as 500ms, 30s, 5m, 2h or 1d, was \"soon\"");
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    tier: adaptive:gpt-4o-mini
                    assume: {input_tokens: 100, output_tokens: 10}
                """, "w.yaml:6: classes[0].assume.samples: adaptive draws a variable number of samples");
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    assume:
                      input_tokens: -1
                      output_tokens: 10
                    tier: gpt-4o-mini
                """, "w.yaml:6: classes[0].assume.input_tokens: must be >= 0, was -1.0");
        fails("""
                name: w
                classes:
                  - name: a
                    monthly_queries: 10
                    router:
                      - {tier: gpt-4o-mini, share: 0.5}
                      - {tier: o3-mini, share: 0.4}
                """, "w.yaml:5: classes[0].router: the router tiers' shares sum to 0.9");
        fails("""
                name: w
                monthly_queries: 100
                classes:
                  - {name: a, share: 0.5, monthly_queries: 70, tier: gpt-4o-mini}
                  - {name: b, share: 0.5, tier: gpt-4o-mini}
                """, "w.yaml:4: classes[0].monthly_queries: class a gives 70 queries a month, but its share 0.5 of 100 is 50");
        fails("""
                name: w
                classes:
                  - {name: a, share: 1, tier: gpt-4o-mini}
                """, "w.yaml:3: classes[0].share: class a gives a share but the workload has no monthly_queries total");
        fails("""
                name: w
                classes:
                  - {name: a, monthly_queries: 1, tier: "cascade@3:gpt-4o-mini>o3-mini"}
                """, "classes[0].tier: a cascade's cost depends on how often it escalates");
    }
}
