package dev.ponder.lab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    static Unit unit(String config, String problem, int samples) {
        List<StoredSample> ss = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            ss.add(new StoredSample(i, "text " + i, "", "a" + (i % 2), Optional.of(i % 2 == 0), Optional.empty(), 3, 10, 0, 0.001, 0));
        }
        return new Unit(new StoredOutcome(config, problem, "a0", true, samples, 3 * samples, 10 * samples, 0, 0.001 * samples, 0,
                "DONE", 0.5, Optional.empty()), ss, List.of(new StoredDecision(0, "final", samples, "answer=a0")));
    }

    private static SampleStore withRun(Path file) {
        SampleStore s = SampleStore.open(file, CLOCK);
        s.startRun(new RunInfo("r1", "plan", "p.yaml", "h", "text", CLOCK.instant()));
        s.addConfigs("r1", List.of(new ConfigRow("c1", 0, "src", "bank", "math", "replay", "m", "vote@3", "unlimited", 0, 0, 0)));
        return s;
    }

    @Test
    void a_unit_is_stored_whole_and_survives_reopening(@TempDir Path dir) {
        Path f = dir.resolve("s.duckdb");
        try (SampleStore s = withRun(f)) {
            s.write("r1", List.of(unit("c1", "p1", 3), unit("c1", "p2", 2)));
        }
        try (SampleStore s = SampleStore.open(f, CLOCK)) {
            assertThat(s.count("samples", "r1")).isEqualTo(5);
            assertThat(s.doneUnits("r1")).containsExactlyInAnyOrder(Unit.key("c1", "p1"), Unit.key("c1", "p2"));
            assertThat(s.samples("r1", "c1").get("p1")).extracting(StoredSample::verdict)
                    .containsExactly(Optional.of(true), Optional.of(false), Optional.of(true));
            assertThat(s.outcomes("r1")).hasSize(2);
        }
    }

    @Test
    void a_duplicate_unit_is_refused_and_nothing_of_its_transaction_is_kept(@TempDir Path dir) {
        try (SampleStore s = withRun(dir.resolve("s.duckdb"))) {
            s.write("r1", List.of(unit("c1", "p1", 3)));
            assertThatThrownBy(() -> s.write("r1", List.of(unit("c1", "p2", 4), unit("c1", "p1", 3))))
                    .isInstanceOf(PonderException.class).hasMessageContaining("rolled back");
            assertThat(s.count("samples", "r1")).isEqualTo(3);
            assertThat(s.count("outcomes", "r1")).isEqualTo(1);
            s.write("r1", List.of(unit("c1", "p2", 4)));
            assertThat(s.count("samples", "r1")).isEqualTo(7);
        }
    }

    @Test
    void a_closed_store_fails_loudly_and_keeps_what_it_had(@TempDir Path dir) {
        Path f = dir.resolve("s.duckdb");
        SampleStore s = withRun(f);
        s.write("r1", List.of(unit("c1", "p1", 2)));
        s.close();
        assertThatThrownBy(() -> s.write("r1", List.of(unit("c1", "p2", 2))))
                .isInstanceOf(PonderException.class).hasMessageContaining("closed");
        try (SampleStore again = SampleStore.open(f, CLOCK)) {
            assertThat(again.count("samples", "r1")).isEqualTo(2);
        }
    }

    @Test
    void exports_each_table_as_parquet(@TempDir Path dir) throws Exception {
        try (SampleStore s = withRun(dir.resolve("s.duckdb"))) {
            s.write("r1", List.of(unit("c1", "p1", 3)));
            List<Path> files = s.exportParquet("r1", dir.resolve("pq"));
            assertThat(files).extracting(p -> p.getFileName().toString()).contains("samples.parquet", "outcomes.parquet", "runs.parquet");
            for (Path p : files) assertThat(Files.readAllBytes(p)).startsWith('P', 'A', 'R', '1');
        }
    }
}
