package dev.ponder.lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.ratelimit.TokenBucket;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.SharedData;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.plan.PlanReader;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Also the lab tests' fixture: {@link #plan} writes and reads a plan, {@link #run} runs it into a store. */
public class RunnerTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final String GAME24 = SharedData.shippedBank("game24-gpt4-io").toString();

    public static LoadedPlan plan(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("plan.yaml");
        Files.writeString(f, yaml);
        return PlanReader.read(f);
    }

    public static RunSummary run(SampleStore store, LoadedPlan lp, boolean resume, Optional<Double> maxDollars) {
        Runner.Settings s = new Runner.Settings(8, 512, maxDollars, CLOCK, TokenBucket.Sleeper.system());
        Sweep sweep = Sweep.start(lp, store, resume, PriceCatalogue.shipped(), CLOCK);
        return new Runner(store, s, RunProgress.none(), new Backends(s)).run(sweep.runId(), sweep.configs());
    }

    private static final String BANK_PLAN = """
            name: t
            sources: [{bank: %s, limit: 20}]
            strategies: [single, vote@10, adaptive]
            """;

    @Test
    void max_dollars_stops_before_the_limit_and_stores_no_half_unit_and_resume_finishes_it(@TempDir Path dir) throws Exception {
        LoadedPlan lp = plan(dir, BANK_PLAN.formatted(GAME24));
        try (SampleStore full = SampleStore.open(dir.resolve("full.duckdb"), CLOCK);
             SampleStore capped = SampleStore.open(dir.resolve("capped.duckdb"), CLOCK)) {
            RunSummary all = run(full, lp, false, Optional.empty());
            assertThat(all.ending()).isEqualTo(RunSummary.Ending.COMPLETE);
            double limit = all.dollars() / 3;
            RunSummary first = run(capped, lp, false, Optional.of(limit));
            assertThat(first.ending()).isEqualTo(RunSummary.Ending.MAX_DOLLARS);
            assertThat(first.dollars()).isLessThanOrEqualTo(limit);
            String id = capped.runs().getFirst().runId();
            double storedDollars = capped.outcomes(id).stream().mapToDouble(StoredOutcome::dollars).sum();
            assertThat(storedDollars).isLessThanOrEqualTo(limit);
            for (StoredOutcome o : capped.outcomes(id)) {
                assertThat(capped.samples(id, o.configId()).get(o.problemId())).hasSize(o.samples());
            }
            RunSummary rest = run(capped, lp, true, Optional.empty());
            assertThat(rest.ending()).isEqualTo(RunSummary.Ending.COMPLETE);
            assertThat(rest.skipped()).isEqualTo(first.stored());
            assertThat(Snapshot.of(capped, id)).isEqualTo(Snapshot.of(full, full.runs().getFirst().runId()));
        }
    }

    @Test
    void a_stopped_run_starts_no_new_unit_and_resume_completes_it(@TempDir Path dir) throws Exception {
        LoadedPlan lp = plan(dir, BANK_PLAN.formatted(GAME24));
        try (SampleStore store = SampleStore.open(dir.resolve("s.duckdb"), CLOCK)) {
            Runner.Settings s = new Runner.Settings(2, 512, Optional.empty(), CLOCK, TokenBucket.Sleeper.system());
            Sweep sweep = Sweep.start(lp, store, false, PriceCatalogue.shipped(), CLOCK);
            Runner[] self = new Runner[1];
            RunProgress stopAfterFirst = new RunProgress() {
                public void start(long total, long done) { self[0].stop(); }

                public void stored(int units, int samples, double dollars) {}
            };
            self[0] = new Runner(store, s, stopAfterFirst, new Backends(s));
            RunSummary first = self[0].run(sweep.runId(), sweep.configs());
            assertThat(first.ending()).isEqualTo(RunSummary.Ending.INTERRUPTED);
            assertThat(first.stored()).isZero();
            RunSummary rest = run(store, lp, true, Optional.empty());
            assertThat(rest.stored() + rest.skipped()).isEqualTo(rest.units());
            assertThat(store.count("outcomes", sweep.runId())).isEqualTo(rest.units());
        }
    }

    @Test
    void a_problem_set_with_a_bad_line_is_reported_and_the_rest_runs_on_a_live_backend(@TempDir Path dir) throws Exception {
        Path problems = dir.resolve("p.jsonl");
        Files.writeString(problems, """
                {"id": "a", "question": "What is 6*7?", "reference": "42"}
                {"id": "b", "question": oops
                {"id": "c", "question": "What is 40+2?", "reference": "42"}
                """);
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42.")));
             SampleStore store = SampleStore.open(dir.resolve("s.duckdb"), CLOCK)) {
            LoadedPlan lp = plan(dir, """
                    name: live
                    sources: [{problems: p.jsonl, extractor: number}]
                    backends:
                      - {name: fake, kind: openai, base_url: %s, concurrency: 2, requests_per_minute: 600,
                         models: [{name: m, price: {input: 1.0, output: 2.0}}]}
                    strategies: [single, vote@3]
                    """.formatted(server.baseUrl()));
            Sweep sweep = Sweep.start(lp, store, false, PriceCatalogue.shipped(), CLOCK);
            assertThat(sweep.configs().getFirst().source().issues()).singleElement().asString().contains("p.jsonl:2");
            Runner.Settings s = new Runner.Settings(8, 512, Optional.empty(), CLOCK, TokenBucket.Sleeper.system());
            RunSummary r = new Runner(store, s, RunProgress.none(), new Backends(s)).run(sweep.runId(), sweep.configs());
            assertThat(r.ending()).isEqualTo(RunSummary.Ending.COMPLETE);
            assertThat(store.outcomes(sweep.runId())).hasSize(4).allMatch(StoredOutcome::correct);
            assertThat(store.count("samples", sweep.runId())).isEqualTo(2 * (1 + 3));
            assertThat(store.outcomes(sweep.runId())).allMatch(o -> o.dollars() > 0);
        }
    }

    /** The stored content that must not depend on interruptions: outcomes and samples, without times. */
    record Snapshot(List<String> outcomes, List<String> samples) {
        static Snapshot of(SampleStore s, String runId) {
            List<String> os = s.outcomes(runId).stream().map(o -> String.join("|", o.configId(), o.problemId(), o.answer(),
                    String.valueOf(o.correct()), String.valueOf(o.samples()), String.valueOf(o.outputTokens()), String.valueOf(o.dollars()), o.stop()))
                    .sorted().toList();
            List<String> ss = new ArrayList<>();
            for (var c : s.configs(runId)) {
                s.samples(runId, c.configId()).forEach((p, list) -> list.forEach(x -> ss.add(String.join("|", c.configId(), p,
                        String.valueOf(x.index()), x.text(), x.answer(), String.valueOf(x.verdict()), String.valueOf(x.outputTokens()),
                        String.valueOf(x.dollars())))));
            }
            ss.sort(null);
            return new Snapshot(os, ss);
        }
    }
}
