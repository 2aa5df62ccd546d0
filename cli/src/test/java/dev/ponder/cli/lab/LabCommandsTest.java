package dev.ponder.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import dev.ponder.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandsTest {
    private static final String MATH = SharedData.shippedBank("math-qwen25-rm8").toString();

    private static Path plan(Path dir, String body) throws Exception {
        Path f = dir.resolve("plan.yaml");
        Files.writeString(f, body);
        return f;
    }

    @Test
    void run_plan_stores_prints_json_and_export_and_report_work_on_the_stored_run(@TempDir Path dir) throws Exception {
        Path f = plan(dir, "name: t\nsources: [{bank: " + MATH + "}]\nstrategies: [single, vote@N-max]\n");
        String store = dir.resolve("s.duckdb").toString();
        Cli c = Cli.run("run", f.toString(), "--store", store, "--no-report", "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(c.out());
        String run = doc.path("run_id").asText();
        assertThat(run).startsWith("t-");
        assertThat(doc.at("/runs/0/rows/1/strategy").asText()).isEqualTo("vote@8");
        assertThat(doc.at("/runs/0/rows/1/samples_per_problem").asDouble()).isEqualTo(8.0);

        Cli again = Cli.run("run", f.toString(), "--store", store, "--no-report", "--resume");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 stored now, 118 already stored");

        Cli export = Cli.run("export", run, "--store", store, "--parquet", dir.resolve("pq").toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(dir.resolve("pq/samples.parquet")).exists();

        Cli report = Cli.run("report", "latest", "--store", store, "--out", dir.resolve("rep").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(dir.resolve("rep/index.html")).exists();
    }

    @Test
    void a_plan_with_an_unknown_field_is_refused_with_file_line_and_field(@TempDir Path dir) throws Exception {
        Path f = plan(dir, "name: t\nsources: [{bank: " + MATH + "}]\nstrategies: [single]\nseeds: [0]\nmax_dolars: 3\n");
        Cli c = Cli.run("run", f.toString(), "--store", dir.resolve("s.duckdb").toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains(f + ":5:").contains("unknown field \"max_dolars\"").contains("max_dollars");
    }

    @Test
    void the_built_in_plan_prints_tables_and_says_where_the_store_and_report_are(@TempDir Path dir) {
        Cli c = Cli.run("run", "--limit", "5", "--store", dir.resolve("s.duckdb").toString(), "--report-dir", dir.resolve("r").toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("strategy       accuracy").contains("adaptive").contains("vote@5")
                .contains("store:  " + dir.resolve("s.duckdb")).contains("report: " + dir.resolve("r/index.html"));
        assertThat(dir.resolve("r/index.html")).exists();
    }

    @Test
    void export_of_an_unknown_run_names_the_runs_there_are(@TempDir Path dir) throws Exception {
        Path f = plan(dir, "name: t\nsources: [{bank: " + MATH + ", limit: 2}]\nstrategies: [single]\n");
        String store = dir.resolve("s.duckdb").toString();
        assertThat(Cli.run("run", f.toString(), "--store", store, "--no-report").exit()).isZero();
        Cli c = Cli.run("export", "nope", "--store", store, "--parquet", dir.resolve("pq").toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("no run \"nope\"").contains("t-");
    }
}
