package dev.ponder.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.cli.fit.CliRun;
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

class PlanCostTest {
    @TempDir Path dir;

    static String shipped() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path w = p.resolve("plans/workload.example.yaml");
            if (Files.exists(w)) return w.toString();
        }
        throw new IllegalStateException("plans/workload.example.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void prices_the_shipped_workload_from_catalogue_prices_and_its_assumptions() {
        CliRun run = CliRun.of("plan", "cost", shipped(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode j = run.json();
        JsonNode c = j.get("classes");
        // gpt-4.1-mini $0.40/$1.60: 20,000 in + 600 out
        assertThat(c.get(0).get("dollars_per_query").asDouble()).isCloseTo((20000 * 0.4 + 600 * 1.6) / 1e6, within(1e-15));
        // 80% one gpt-4o-mini sample ($0.15/$0.60), 20% three o4-mini samples ($1.10/$4.40), each 3,000 in + 1,500 out
        assertThat(c.get(1).get("dollars_per_query").asDouble()).isCloseTo(0.8 * 0.00135 + 0.2 * 3 * 0.0099, within(1e-15));
        // five o4-mini samples of 2,000 in + 5,000 out: the issue's $0.04-$0.20 band
        assertThat(c.get(2).get("dollars_per_query").asDouble()).isCloseTo(0.121, within(1e-12));
        // 320 o1 samples ($15/$60) of 20,000 in + 50,000 out: over $1,000
        assertThat(c.get(3).get("dollars_per_query").asDouble()).isCloseTo(1056, within(1e-9));
        assertThat(j.get("dollars_per_month").asDouble()).isCloseTo(700000 * 0.00896 + 250000 * 0.00702 + 49980 * 0.121 + 20 * 1056, within(1e-6));
        assertThat(c.get(3).get("tiers").get(0).get("samples_per_query").asDouble()).isEqualTo(320);
        assertThat(c.get(3).get("deadline").get("verdict").asText()).isEqualTo("unknown");
        JsonNode proj = j.get("projection");
        assertThat(proj.get("decline_per_year").asDouble()).isEqualTo(3);
        assertThat(proj.get("classes").get(3).get("years_to_target").asDouble()).isCloseTo(Math.log(1056 / 0.01) / Math.log(3), within(1e-9));
        assertThat(proj.get("classes").get(0).get("years_to_target").asDouble()).isZero();
        assertThat(proj.get("scenarios")).hasSize(3);
        assertThat(proj.get("scenarios").get(2).get("dollars_per_month_by_year").get(1).asDouble())
                .isCloseTo(j.get("dollars_per_month").asDouble() / 10, within(1e-6));
    }

    @Test
    void prints_the_tables_and_writes_the_chart_page() throws Exception {
        CliRun run = CliRun.of("plan", "cost", shipped(), "--decline", "3x", "--target-dollars", "1", "--report", dir.resolve("r").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 classes, 1000000 queries a month")
                .containsPattern("simple\\s+0\\.7\\s+700000\\s+20000\\s+600\\s+assumed\\s+0\\.00896\\s+6272\\s+single:gpt-4\\.1-mini")
                .containsPattern("critical\\s+0\\.00002\\s+20\\s+6400000\\s+16000000\\s+assumed\\s+1056\\s+21120\\s+best@320:o1")
                .contains("router(single:gpt-4o-mini 0.8, vote@3:o4-mini 0.2)")
                .contains("no latency observed for best@320:o1")
                .containsPattern("critical\\s+1056\\s+352\\.00\\s+117\\.33\\s+39\\.11\\s+13\\.04\\s+4\\.35\\s+6\\.3 y")
                .contains("1,000x in 5 years is 3.98x a year");
        String page = Files.readString(dir.resolve("r/index.html"));
        assertThat(page).contains("cost-per-query.png").contains("cost-scenarios.png").contains("data:image/png;base64,")
                .contains("<td>10x a year</td><td>now</td><td>now</td><td>now</td><td>3.0 y</td>");
        assertThat(dir.resolve("r/cost-per-query.svg")).exists();
        assertThat(run.out()).contains("report: " + dir.resolve("r/index.html").toAbsolutePath());
    }

    @Test
    void observed_runs_replace_assumptions_and_flag_a_missed_deadline() throws Exception {
        Path store = dir.resolve("lab.duckdb");
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
        try (SampleStore s = SampleStore.open(store, clock)) {
            s.startRun(new RunInfo("r1", "p", "p.yaml", "h", "text", clock.instant()));
            s.addConfigs("r1", List.of(new ConfigRow("c1", 0, "quiz", "problems", "math", "local", "o4-mini", "vote@5", "unlimited", 0, 1.1, 4.4),
                    new ConfigRow("c2", 1, "quiz", "problems", "math", "local", "gpt-4o-mini", "single", "unlimited", 0, 0.15, 0.6)));
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                units.add(new Unit(new StoredOutcome("c1", "p" + i, "1", true, 5, 4000, 20000, 15000, 0, 20_000 + 1000 * i, "DONE", 1,
                        Optional.empty()), List.of(), List.of()));
                units.add(new Unit(new StoredOutcome("c2", "p" + i, "1", true, 1, 1000, 200, 0, 0, 500 + 10 * i, "DONE", 1,
                        Optional.empty()), List.of(), List.of()));
            }
            s.write("r1", units);
        }
        CliRun run = CliRun.of("plan", "cost", shipped(), "--store", store.toString(), "--run", "r1", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode complex = run.json().get("classes").get(2);
        assertThat(complex.get("tokens").asText()).isEqualTo("observed");
        assertThat(complex.get("dollars_per_query").asDouble()).isCloseTo((4000 * 1.1 + 20000 * 4.4) / 1e6, within(1e-15));
        // 20..39 s: p95 = 38 + 0.05 (type 7) > 30 s
        JsonNode d = complex.get("deadline");
        assertThat(d.get("verdict").asText()).isEqualTo("misses");
        assertThat(d.get("late_tiers").get(0).get("p95_seconds").asDouble()).isCloseTo(38.05, within(1e-9));
        assertThat(d.get("cheapest_tier_meeting").get("tier").asText()).isEqualTo("single:gpt-4o-mini");
        assertThat(d.get("cheapest_tier_meeting").get("dollars_per_query").asDouble()).isCloseTo((1000 * 0.15 + 200 * 0.6) / 1e6, within(1e-15));
        assertThat(run.json().get("observed_tiers")).hasSize(2);
        CliRun text = CliRun.of("plan", "cost", shipped(), "--store", store.toString(), "--run", "latest");
        assertThat(text.out()).contains("MISSES it: vote@5:o4-mini p95 38 s; cheapest tier in the workload meeting it: single:gpt-4o-mini");
    }

    @Test
    void bad_input_is_one_line_and_exit_2() throws Exception {
        Path w = dir.resolve("w.yaml");
        Files.writeString(w, "name: w\nclasses:\n  - name: a\n    monthly_queries: 5\n    tier: vote@4:gpt-9\n");
        CliRun run = CliRun.of("plan", "cost", w.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("ponder: " + w + ":5: classes[0].tier: model \"gpt-9\" has no price in the shipped price catalogue")
                .contains("; add it to a catalogue and pass --prices FILE").doesNotContain("\n").doesNotContain("Exception");
        CliRun decline = CliRun.of("plan", "cost", shipped(), "--decline", "0.5");
        assertThat(decline.exit()).isEqualTo(2);
        assertThat(decline.err()).contains("--decline takes a yearly decline factor >= 1 such as 3 or 3x", "was \"0.5\"");
        assertThat(PlanCost.factor("--decline", "1000x/5y")).isCloseTo(3.9810717055, within(1e-9));
        assertThat(PlanCost.factor("--decline", "3x")).isEqualTo(3);
        CliRun years = CliRun.of("plan", "cost", shipped(), "--years", "2147483647");
        assertThat(years.exit()).isEqualTo(2);
        assertThat(years.err().strip()).isEqualTo("ponder: --years must be in [1, 100], was 2147483647");
        assertThat(CliRun.of("plan", "cost", shipped(), "--target-dollars", "1e400").err().strip())
                .isEqualTo("ponder: --target-dollars must be a number in [0.0, 1.0E12], was Infinity");
        CliRun storeOnly = CliRun.of("plan", "cost", shipped(), "--store", dir.resolve("x.duckdb").toString());
        assertThat(storeOnly.exit()).isEqualTo(2);
        assertThat(storeOnly.err()).contains("--store needs --run ID");
        CliRun missing = CliRun.of("plan", "cost", dir.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("workload not found");
        CliRun noStore = CliRun.of("plan", "cost", shipped(), "--store", dir.resolve("x.duckdb").toString(), "--run", "latest");
        assertThat(noStore.exit()).isEqualTo(2);
        assertThat(noStore.err()).contains("no sample store at");
    }
}
