package dev.ponder.lab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.testing.SharedData;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.store.SampleStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM running a plan with SIGKILL (Process.destroyForcibly) several times, at seeded random
 * points of the run (after a drawn number of group commits, or at start-up), resumes it each time, and checks the
 * final store holds exactly what an uninterrupted run stores: no lost and no duplicated samples.
 */
class ResumeKillTest {
    private static final int KILLS = 4;

    @Test
    void a_run_killed_with_sigkill_several_times_resumes_to_the_same_store(@TempDir Path dir) throws Exception {
        String yaml = """
                name: killme
                sources:
                  - {bank: %s, limit: 20}
                  - {bank: %s, limit: 20}
                strategies: [single, vote@5, vote@N-max, adaptive]
                """.formatted(SharedData.shippedBank("game24-gpt4-io"), SharedData.shippedBank("math-qwen25-rm8"));
        LoadedPlan lp = RunnerTest.plan(dir, yaml);
        Path killed = dir.resolve("killed.duckdb");
        SplittableRandom rng = new SplittableRandom(20261123);
        List<String> log = new ArrayList<>();
        int kills = 0;
        long unitsAtStart = -1;
        for (int attempt = 0; attempt < KILLS; attempt++) {
            int after = attempt == 1 ? 0 : 1 + rng.nextInt(40);   // group commits to wait for; 0 = kill at start-up
            Process p = child(lp.file(), killed, dir.resolve("child-" + attempt + ".err"));
            long stored = 0;
            int commits = 0;
            boolean finished = false;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("units ")) unitsAtStart = Long.parseLong(line.split(" ")[1]);
                    if (line.startsWith("stored ")) {
                        stored += Long.parseLong(line.split(" ")[1]);
                        commits++;
                    }
                    if (line.startsWith("finished")) finished = true;
                    if ((after == 0 && line.startsWith("started")) || (after > 0 && commits >= after)) break;
                }
                p.destroyForcibly();
                p.waitFor();
            }
            if (!finished) kills++;
            log.add("attempt " + attempt + ": killed after " + commits + " group commits (" + stored + " units stored by this process)"
                    + (finished ? " but it had finished" : ""));
        }
        Process last = child(lp.file(), killed, dir.resolve("child-last.err"));
        String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(last.waitFor()).as(Files.readString(dir.resolve("child-last.err"))).isZero();
        assertThat(out).contains("finished COMPLETE");
        log.add("final: " + out.lines().filter(l -> l.startsWith("units") || l.startsWith("finished")).toList());

        try (SampleStore full = SampleStore.open(dir.resolve("full.duckdb"), InstantSource.system());
             SampleStore resumed = SampleStore.open(killed, InstantSource.system())) {
            RunSummary clean = RunnerTest.run(full, lp, false, Optional.empty());
            String a = full.runs().getFirst().runId();
            String b = resumed.runs().getFirst().runId();
            assertThat(resumed.runs()).hasSize(1);
            assertThat(resumed.count("outcomes", b)).isEqualTo(clean.units()).isEqualTo(unitsAtStart);
            assertThat(resumed.count("samples", b)).isEqualTo(full.count("samples", a)).isEqualTo(clean.samples());
            assertThat(resumed.count("decisions", b)).isEqualTo(full.count("decisions", a));
            assertThat(RunnerTest.Snapshot.of(resumed, b)).isEqualTo(RunnerTest.Snapshot.of(full, a));
            log.add("store: " + clean.units() + " units, " + clean.samples() + " samples, equal to the uninterrupted run");
        }
        log.forEach(System.out::println);
        assertThat(kills).as(String.join("\n", log)).isGreaterThanOrEqualTo(KILLS - 1);
    }

    private static Process child(Path plan, Path store, Path err) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ChildRun.class.getName(), plan.toString(), store.toString());
        pb.redirectError(err.toFile());
        return pb.start();
    }
}
