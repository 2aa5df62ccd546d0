package dev.ponder.lab.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.RunInfo;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.lab.store.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostPlanTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final String WORKLOAD = """
            name: t
            classes:
              - name: fast
                monthly_queries: 1000
                deadline: 8s
                tier: vote@3:gpt-4o-mini
              - name: slow
                monthly_queries: 10
                deadline: 20s
                tier: single:o3-mini
              - name: assumed
                monthly_queries: 90
                deadline: 9.6s
                tier: vote@2:gpt-4.1-nano
                assume: {input_tokens: 1000, output_tokens: 500}
            """;

    @TempDir Path dir;

    /** Run r1: vote@3 on gpt-4o-mini live (10 problems, 1..10 s, 300 tokens in, 100 + 10 i out, one more that failed) and o3-mini replayed. */
    static Path store(Path file) {
        try (SampleStore s = SampleStore.open(file, CLOCK)) {
            s.startRun(new RunInfo("r1", "p", "p.yaml", "h", "text", CLOCK.instant()));
            s.addConfigs("r1", List.of(new ConfigRow("c1", 0, "quiz", "problems", "math", "local", "gpt-4o-mini", "vote@3", "unlimited", 0, 0.15, 0.6),
                    new ConfigRow("c2", 1, "bank", "bank", "math", "replay", "o3-mini", "single", "unlimited", 0, 1.1, 4.4)));
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < 10; i++) units.add(outcome("c1", "p" + i, 300, 100 + 10 * i, 1000 * (i + 1), Optional.empty()));
            units.add(outcome("c1", "p-failed", 900, 900, 60_000, Optional.of("TIMEOUT: upstream")));
            units.add(outcome("c2", "p0", 0, 1000, 0, Optional.empty()));
            units.add(outcome("c2", "p1", 0, 3000, 0, Optional.empty()));
            s.write("r1", units);
        }
        return file;
    }

    private static Unit outcome(String config, String problem, long in, long out, double ms, Optional<String> error) {
        return new Unit(new StoredOutcome(config, problem, "42", true, 3, in, out, 0, 0, ms, "DONE", 1, error), List.of(), List.of());
    }

    private LoadedWorkload workload(String text) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, text);
        return WorkloadReader.read(f, PriceCatalogue.shipped(), "shipped");
    }

    private static Observations fromStore(Path file) {
        try (SampleStore s = SampleStore.open(file, CLOCK)) {
            return StoreObservations.read(s, "latest");
        }
    }

    @Test
    void prices_observed_tokens_and_checks_deadlines_against_observed_percentiles() throws Exception {
        CostPlan plan = CostPlan.price(workload(WORKLOAD), fromStore(store(dir.resolve("s.duckdb"))), PriceCatalogue.shipped(), "shipped");
        ClassCost fast = plan.classes().get(0), slow = plan.classes().get(1), assumed = plan.classes().get(2);
        // gpt-4o-mini $0.15/$0.60: 300 in, mean out 145 -> (45 + 87) / 1e6
        assertThat(fast.inputTokens()).isEqualTo(300);
        assertThat(fast.outputTokens()).isEqualTo(145);
        assertThat(fast.dollarsPerQuery()).isCloseTo(1.32e-4, within(1e-15));
        assertThat(fast.dollarsPerMonth()).isCloseTo(0.132, within(1e-12));
        // o3-mini $1.10/$4.40, replayed: 0 in, mean out 2000
        assertThat(slow.dollarsPerQuery()).isCloseTo(0.0088, within(1e-15));
        // gpt-4.1-nano $0.10/$0.40, assumed: 2 samples x (1000 in, 500 out)
        assertThat(assumed.dollarsPerQuery()).isCloseTo(6e-4, within(1e-15));
        assertThat(assumed.basisLabel()).isEqualTo("assumed");
        assertThat(plan.dollarsPerMonth()).isCloseTo(0.132 + 0.088 + 0.054, within(1e-12));
        assertThat(plan.dollarsPerQuery()).isCloseTo(0.274 / 1100, within(1e-12));

        // 1..10 s: p50 5.5, p95 = 9 + 0.55 (type 7)
        Latency l = fast.tiers().getFirst().latency().orElseThrow();
        assertThat(l.queries()).isEqualTo(10);
        assertThat(l.p50Seconds()).isCloseTo(5.5, within(1e-12));
        assertThat(l.p95Seconds()).isCloseTo(9.55, within(1e-12));
        Deadline.Misses miss = (Deadline.Misses) fast.deadline();
        assertThat(miss.late()).extracting(t -> t.tier().name()).containsExactly("vote@3:gpt-4o-mini");
        assertThat(miss.cheapest()).isEmpty();
        assertThat(slow.deadline()).isInstanceOf(Deadline.Unknown.class);
        Deadline.Unknown unknown = (Deadline.Unknown) assumed.deadline();
        assertThat(unknown.cheapest().orElseThrow().tier().name()).isEqualTo("vote@3:gpt-4o-mini");
        assertThat(unknown.cheapest().orElseThrow().dollarsPerQuery()).isCloseTo(1.32e-4, within(1e-15));
        assertThat(Figures.verdict(fast)).isEqualTo("MISSES it: vote@3:gpt-4o-mini p95 9.55 s; no tier in the workload is observed to meet it");
        assertThat(plan.notes()).anyMatch(n -> n.contains("1 outcome(s) that ended in an error are left out"))
                .anyMatch(n -> n.contains("replayed banks record no time") && n.contains("single:o3-mini"));
    }

    @Test
    void traces_add_latency_and_tokens_to_a_tier() throws Exception {
        Path traces = dir.resolve("traces.json");
        Files.writeString(traces, """
                [%s,
                 %s,
                 %s,
                 %s]
                """.formatted(trace("o3-mini", "single", 12000, 100, 2000, 200, ""), trace("o3-mini", "single", 16000, 100, 4000, 200, ""),
                trace("auto", "single", 14000, 100, 3000, 200, ", \"route\": {\"tier\": \"single:o3-mini\", \"target\": \"o3-mini\"}"),
                trace("o3-mini", "single", 100, 1, 1, 502, "")));
        Observations seen = fromStore(store(dir.resolve("s.duckdb"))).plus(TraceObservations.read(traces));
        CostPlan plan = CostPlan.price(workload(WORKLOAD), seen, PriceCatalogue.shipped(), "shipped");
        ClassCost slow = plan.classes().get(1);
        // 2 replayed (0 in; 1000, 3000 out) + 3 traced (100 in; 2000, 4000, 3000 out): 60 in, 2600 out
        assertThat(slow.inputTokens()).isCloseTo(60, within(1e-12));
        assertThat(slow.outputTokens()).isCloseTo(2600, within(1e-12));
        assertThat(slow.dollarsPerQuery()).isCloseTo((60 * 1.1 + 2600 * 4.4) / 1e6, within(1e-15));
        // latency from the traces only: 12, 14, 16 s
        Latency l = slow.tiers().getFirst().latency().orElseThrow();
        assertThat(l.queries()).isEqualTo(3);
        assertThat(l.p50Seconds()).isCloseTo(14, within(1e-12));
        assertThat(((Deadline.Meets) slow.deadline()).p95Seconds()).isCloseTo(15.8, within(1e-12));
        // the 8 s class still has nothing fast enough; the 9.6 s class's tier is unobserved and vote@3 is the cheapest that meets it
        assertThat(((Deadline.Misses) plan.classes().get(0).deadline()).cheapest()).isEmpty();
        assertThat(plan.notes()).anyMatch(n -> n.contains("1 failed request(s)"));
    }

    static String trace(String model, String strategy, double ms, long in, long out, int status, String extra) {
        return """
                {"id": "t", "object": "ponder.trace", "model": "%s", "strategy": "%s", "key": "k", "created": 0, "elapsed_ms": %s, "status": %d,
                 "runs": [], "usage": {"input_tokens": %d, "output_tokens": %d, "reasoning_tokens": 0, "dollars": 0}%s}"""
                .formatted(model, strategy, ms, status, in, out, extra).replace("\n", " ");
    }

    @Test
    void bad_traces_name_the_file_and_line() throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, trace("o3-mini", "single", 1, 1, 1, 200, "") + "\n{\"object\": \"chat.completion\"}\n");
        assertThatThrownBy(() -> TraceObservations.read(f)).isInstanceOf(PonderException.class)
                .hasMessage(f + ":2: not a Ponder trace (its \"object\" is \"chat.completion\", not \"ponder.trace\"): save what"
                        + " GET /v1/ponder/traces/{id} returns");
        Files.writeString(f, trace("o3-mini", "single", 1, 1, 1, 200, "").replace("\"input_tokens\": 1", "\"input_tokens\": \"many\""));
        assertThatThrownBy(() -> TraceObservations.read(f)).hasMessageContaining(f + ":1: trace field \"usage.input_tokens\" is missing or not a number");
        assertThatThrownBy(() -> TraceObservations.read(dir.resolve("absent.json"))).hasMessageContaining("traces file not found");
    }

    @Test
    void a_tier_with_neither_observations_nor_assumptions_is_named() throws Exception {
        LoadedWorkload w = workload(WORKLOAD.replace("tier: single:o3-mini", "tier: single:o1"));
        assertThatThrownBy(() -> CostPlan.price(w, Observations.none(), PriceCatalogue.shipped(), "shipped")).isInstanceOf(PonderException.class)
                .hasMessage(w.file() + ":6: classes[0].tier: no queries of vote@3:gpt-4o-mini were observed (no --store/--run or --traces given)"
                        + " and class fast has no assume: {input_tokens, output_tokens} to price it from");
    }

    @Test
    void an_unknown_run_lists_the_runs() {
        Path file = store(dir.resolve("s.duckdb"));
        try (SampleStore s = SampleStore.open(file, CLOCK)) {
            assertThatThrownBy(() -> StoreObservations.read(s, "r9")).hasMessageContaining("no run \"r9\"").hasMessageContaining("[r1]");
        }
    }

    @Test
    void projects_each_class_and_the_month_as_prices_fall() throws Exception {
        // gpt-4o-mini output at $0.60 per million: 450,000 tokens = $0.27 a query; 100 a month = $27
        LoadedWorkload w = workload("""
                name: p
                classes:
                  - {name: a, monthly_queries: 100, tier: gpt-4o-mini, assume: {input_tokens: 0, output_tokens: 450000}}
                """);
        CostPlan plan = CostPlan.price(w, Observations.none(), PriceCatalogue.shipped(), "shipped");
        Projection p = Projection.of(plan, 3, List.of(1.5, 3.0, 10.0), 3, 0.01);
        assertThat(p.classes().getFirst().byYear()).satisfiesExactly(v -> assertThat(v).isCloseTo(0.27, within(1e-12)),
                v -> assertThat(v).isCloseTo(0.09, within(1e-12)), v -> assertThat(v).isCloseTo(0.03, within(1e-12)),
                v -> assertThat(v).isCloseTo(0.01, within(1e-12)));
        assertThat(p.classes().getFirst().yearsToTarget().getAsDouble()).isCloseTo(3, within(1e-9));
        assertThat(p.monthlyTotal().get(2)).isCloseTo(3, within(1e-9));
        assertThat(p.scenarios()).extracting(Projection.Scenario::perYear).containsExactly(1.5, 3.0, 10.0);
        assertThat(p.scenarios().get(2).monthlyTotal().get(1)).isCloseTo(2.7, within(1e-12));
        assertThat(p.scenarios().get(2).yearsToTarget().getFirst().getAsDouble()).isCloseTo(Math.log10(27), within(1e-12));
        assertThatThrownBy(() -> Projection.of(plan, 0.5, List.of(), 3, 0.01)).hasMessageContaining("was 0.5");
    }
}
