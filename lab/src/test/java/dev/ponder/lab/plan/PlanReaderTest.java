package dev.ponder.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.testing.TestCalibrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
    private static final String BANK = SharedData.shippedBank("math-qwen25-rm8").toString();

    private static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void reads_a_yaml_plan_and_expands_the_cross_product(@TempDir Path dir) throws Exception {
        Path f = write(dir, "p.yaml", """
                name: t
                sources:
                  - bank: %s
                strategies: [single, vote@N-max]
                budgets: [{}, {dollars: 0.5}]
                seeds: [0, 1, 2]
                """.formatted(BANK));
        LoadedPlan lp = PlanReader.read(f);
        List<Config> cs = Expansion.expand(lp, PriceCatalogue.shipped());
        assertThat(cs).hasSize(2 * 2 * 3);
        assertThat(cs).extracting(Config::strategy).contains("vote@8");
        assertThat(cs.stream().map(Config::id).distinct()).hasSize(12);
    }

    @Test
    void the_plans_calibration_is_what_its_adaptive_entries_run(@TempDir Path dir) throws Exception {
        CalibrationFile.write(dir.resolve("cals/math.json"),
                TestCalibrations.of("margin", 0.9, 8, "Qwen2.5-Math-7B-Instruct"));
        Path f = write(dir, "p.yaml", """
                name: t
                sources:
                  - bank: %s
                strategies: [vote@8, adaptive]
                calibration: cals/math.json
                """.formatted(BANK));
        List<Config> cs = Expansion.expand(PlanReader.read(f), PriceCatalogue.shipped());
        assertThat(cs).extracting(Config::strategy).containsExactly("vote@8", "adaptive:" + dir.resolve("cals/math.json"));
        Path bad = write(dir, "q.yaml", "name: t\nsources: [{bank: %s}]\nstrategies: [adaptive]\ncalibration: cals/math.txt\n".formatted(BANK));
        assertThatThrownBy(() -> PlanReader.read(bad)).hasMessageContaining("q.yaml:").hasMessageContaining("calibration must be a .json file");
        Path missing = write(dir, "r.yaml", "name: t\nsources: [{bank: %s}]\nstrategies: [adaptive]\ncalibration: none.json\n".formatted(BANK));
        assertThatThrownBy(() -> Expansion.expand(PlanReader.read(missing), PriceCatalogue.shipped()))
                .hasMessageContaining("calibration file not found: " + dir.resolve("none.json"));
    }

    @Test
    void an_unknown_field_names_the_file_line_and_field(@TempDir Path dir) throws Exception {
        Path f = write(dir, "p.yaml", """
                name: t
                sources:
                  - bank: x
                backends:
                  - kind: replay
                    concurrence: 3
                strategies: [single]
                """);
        assertThatThrownBy(() -> PlanReader.read(f)).isInstanceOf(PonderException.class)
                .hasMessageContaining(f + ":6:").hasMessageContaining("unknown field \"concurrence\"")
                .hasMessageContaining("backends[0]").hasMessageContaining("concurrency");
    }

    @Test
    void a_source_groups_free_form_replies_with_extractor_semantic_and_a_misspelt_one_names_its_line(@TempDir Path dir) throws Exception {
        Path bank = Path.of("").toAbsolutePath().getParent().resolve("data/semantic/explain-bank");
        Path f = write(dir, "p.yaml", """
                name: t
                sources:
                  - bank: %s
                    extractor: semantic
                  - bank: %s
                    extractor: usc
                strategies: [vote@5]
                """.formatted(bank, bank));
        List<Config> cs = Expansion.expand(PlanReader.read(f), PriceCatalogue.shipped());
        assertThat(cs).extracting(c -> c.source().extractor().label()).containsExactly("semantic", "usc");
        assertThat(cs.getFirst().source().extractor()).isInstanceOf(Grouping.class);
        Path bad = write(dir, "bad.yaml", """
                name: t
                sources:
                  - bank: x
                    extractor: semantik
                strategies: [single]
                """);
        assertThatThrownBy(() -> PlanReader.read(bad)).isInstanceOf(PonderException.class)
                .hasMessageContaining(bad + ":").hasMessageContaining("sources[0]: unknown answer extractor \"semantik\"");
    }

    @Test
    void a_wrong_type_names_the_file_line_and_field(@TempDir Path dir) throws Exception {
        Path f = write(dir, "p.yaml", """
                name: t
                sources:
                  - bank: x
                strategies: [single]
                seeds: [0, lots]
                """);
        assertThatThrownBy(() -> PlanReader.read(f)).isInstanceOf(PonderException.class)
                .hasMessageContaining(f + ":5:").hasMessageContaining("seeds[1]");
    }

    @Test
    void a_json_plan_with_a_bad_value_says_what_is_wrong(@TempDir Path dir) throws Exception {
        Path f = write(dir, "p.json", """
                {"name": "t",
                 "sources": [{"bank": "x"}],
                 "backends": [{"kind": "openai", "base_url": "ftp://nope", "models": [{"name": "m"}]}],
                 "strategies": ["single"]}
                """);
        assertThatThrownBy(() -> PlanReader.read(f)).isInstanceOf(PonderException.class)
                .hasMessageContaining(f + ":3:").hasMessageContaining("base_url must start with http");
    }

    @Test
    void a_missing_plan_is_not_found(@TempDir Path dir) {
        assertThatThrownBy(() -> PlanReader.read(dir.resolve("none.yaml")))
                .isInstanceOf(PonderException.class).hasMessageContaining("none.yaml");
    }

    @Test
    void the_shipped_plans_parse() {
        for (String name : new String[] {"offline.yaml", "live-example.yaml"}) {
            Path f = SharedData.shippedBank("math-qwen25-rm8").getParent().getParent().getParent().resolve("plans").resolve(name);
            LoadedPlan lp = PlanReader.read(f);
            assertThat(lp.plan().strategies()).isNotEmpty();
        }
        Path offline = SharedData.shippedBank("math-qwen25-rm8").getParent().getParent().getParent().resolve("plans/offline.yaml");
        assertThat(Expansion.expand(PlanReader.read(offline), PriceCatalogue.shipped())).hasSize(3 * 8 * 2);
    }

    @Test
    void a_plan_names_a_checker_and_sampling_and_they_reach_the_configurations(@TempDir Path dir) throws Exception {
        Path f = write(dir, "p.yaml", "\uFEFF" + """
                name: t
                sources:
                  - bank: %s
                strategies: [verify@3, single]
                checker: math
                checker_noise: "0.1,0"
                max_tokens: 512
                temperature: 0.7
                """.formatted(BANK));
        List<Config> cs = Expansion.expand(PlanReader.read(f), PriceCatalogue.shipped());
        assertThat(cs).allSatisfy(c -> {
            assertThat(c.checker()).hasValue("math");
            assertThat(c.sampling().maxTokens()).hasValue(512);
            assertThat(c.id()).contains("|checker=math|checker_noise=0.1,0");
        });
    }

    @Test
    void verify_without_a_checker_and_bad_checkers_are_refused(@TempDir Path dir) throws Exception {
        Path none = write(dir, "none.yaml", "name: t\nsources: [{bank: %s}]\nstrategies: [verify@3]\n".formatted(BANK));
        assertThatThrownBy(() -> Expansion.expand(PlanReader.read(none), PriceCatalogue.shipped()))
                .hasMessageContaining("strategy verify@3 needs a checker and the plan names none");
        Path bad = write(dir, "bad.yaml", "name: t\nsources: [{bank: x}]\nstrategies: [single]\nchecker: oracle\n");
        assertThatThrownBy(() -> PlanReader.read(bad)).hasMessageContaining(bad + ":").hasMessageContaining("unknown checker \"oracle\"");
        Path temp = write(dir, "temp.yaml", "name: t\nsources: [{bank: x}]\nstrategies: [single]\ntemperature: 9\n");
        assertThatThrownBy(() -> PlanReader.read(temp)).hasMessageContaining("temperature must be in [0, 2], was 9.0");
    }

    @Test
    void syntax_and_shape_errors_say_where_in_words(@TempDir Path dir) throws Exception {
        Path yaml = write(dir, "a.yaml", "name: x\nsources:\n  - bank: foo\n   bad: [\n");
        assertThatThrownBy(() -> PlanReader.read(yaml)).hasMessageStartingWith(yaml + ":4:4: not valid YAML: ")
                .hasMessageNotContaining("reader").hasMessageNotContaining("^");
        Path array = write(dir, "b.json", "[1, 2]");
        assertThatThrownBy(() -> PlanReader.read(array)).hasMessageStartingWith(array + ":1:1: expected a mapping of fields, found a list")
                .hasMessageNotContaining("dev.ponder").hasMessageNotContaining("`");
        Path text = write(dir, "c.yaml", "name: x\nsources: [{bank: x}]\nstrategies: vote@3\n");
        assertThatThrownBy(() -> PlanReader.read(text)).hasMessageContaining("strategies: expected a list, found text 'vote@3'");
        Path empty = write(dir, "d.yaml", "\uFEFF\n");
        assertThatThrownBy(() -> PlanReader.read(empty)).hasMessage(empty + ": the plan is empty");
        assertThatThrownBy(() -> PlanReader.read(dir)).hasMessageContaining("is a directory, not a file");
        Path holes = write(dir, "e.yaml", "name: x\nsources: [{bank: x}]\nstrategies:\n  - single\n  -\n");
        assertThatThrownBy(() -> PlanReader.read(holes)).hasMessageContaining("may not have empty entries");
    }
}
