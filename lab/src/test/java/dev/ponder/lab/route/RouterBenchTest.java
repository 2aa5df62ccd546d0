package dev.ponder.lab.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.lab.outcome.Loaded;
import dev.ponder.lab.outcome.OutcomeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared RouterBench half, with the fast length-keyword predictor (the MiniLM figures are in docs/router.md). */
class RouterBenchTest {
    @TempDir
    Path dir;

    static Optional<Path> shared() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolveSibling("shared");
            if (Files.isDirectory(s.resolve("banks"))) return Optional.of(s);
        }
        return Optional.empty();
    }

    @Test
    void cross_validated_baseline_router_beats_random_mixing() {
        Optional<Path> s = shared();
        Assumptions.assumeTrue(s.isPresent(), "../shared not present: skipping RouterBench");
        Loaded l = OutcomeReader.read(s.get().resolve("data/router_routerbench_0shot_subset"));
        assertThat(l.table().tiers()).hasSize(11);
        assertThat(l.table().rows().size()).isGreaterThan(1500);
        RouterModel m = RouterModel.train(l.table(), "length-keyword", 1, dir.resolve("m.json"));
        RouterReport r = RouterEvaluation.run(m, l.table(), 3, 1, 50, List.of());
        assertThat(r.strongest().model()).isEqualTo("gpt-4-1106-preview");
        assertThat(r.apgr()).isGreaterThan(0.75);
        assertThat(r.costShareAt().get("0.8")).isLessThan(0.1);
        assertThat(r.costShareAt().get("0.95")).isLessThan(r.randomMixCostShareAt().get("0.95"));
        assertThat(r.oracle().quality()).isGreaterThan(0.95);
    }
}
