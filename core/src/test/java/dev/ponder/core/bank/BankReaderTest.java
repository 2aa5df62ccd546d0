package dev.ponder.core.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankReaderTest {
    @TempDir Path dir;

    private void write(String problems, String samples) throws IOException {
        Files.writeString(dir.resolve("bank.json"), "{\"name\": \"t\", \"model\": \"m\", \"answer_kind\": \"exact\"}");
        Files.writeString(dir.resolve("problems.jsonl"), problems);
        Files.writeString(dir.resolve("samples.jsonl"), samples);
    }

    @Test
    void a_malformed_line_is_reported_with_file_and_line_and_the_rest_is_kept() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n",
                "{\"problem_id\": \"p1\", \"index\": 0, \"text\": \"x\", \"answer\": \"a\", \"correct\": true}\n"
                        + "{\"problem_id\": \"p1\", \"index\": 1, \"text\": \n"
                        + "{\"problem_id\": \"p1\", \"index\": 2, \"text\": \"z\", \"answer\": \"b\", \"correct\": false}\n");
        Bank b = BankReader.read(dir);
        assertThat(b.samplesOf("p1")).extracting(RecordedSample::index).containsExactly(0, 2);
        assertThat(b.issues()).singleElement().satisfies(i -> {
            assertThat(i.file()).isEqualTo(dir.resolve("samples.jsonl"));
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.toString()).contains("samples.jsonl:2").contains("malformed JSON");
        });
    }

    @Test
    void wrong_types_and_unknown_problems_name_the_field() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n{\"question\": \"no id\"}\n",
                "{\"problem_id\": \"p1\", \"index\": \"zero\", \"text\": \"x\", \"answer\": \"a\", \"correct\": true}\n"
                        + "{\"problem_id\": \"p9\", \"index\": 0, \"text\": \"x\", \"answer\": \"a\", \"correct\": true}\n"
                        + "{\"problem_id\": \"p1\", \"index\": 1, \"text\": \"x\", \"answer\": \"a\", \"correct\": \"yes\"}\n");
        Bank b = BankReader.read(dir);
        assertThat(b.issues()).extracting(LineIssue::toString).containsExactly(
                dir.resolve("problems.jsonl") + ":2: missing field \"id\" (line skipped)",
                dir.resolve("samples.jsonl") + ":1: field \"index\" must be an integer (line skipped)",
                dir.resolve("samples.jsonl") + ":2: problem_id \"p9\" is not in problems.jsonl (line skipped)",
                dir.resolve("samples.jsonl") + ":3: field \"correct\" must be true or false (line skipped)");
        assertThat(b.problems()).hasSize(1);
    }

    @Test
    void a_confidence_is_read_and_one_out_of_range_is_dropped_saying_so() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n",
                "{\"problem_id\": \"p1\", \"index\": 0, \"text\": \"x\", \"answer\": \"a\", \"correct\": true, \"confidence\": 0.82}\n"
                        + "{\"problem_id\": \"p1\", \"index\": 1, \"text\": \"y\", \"answer\": \"a\", \"correct\": true, \"confidence\": 1.7}\n");
        Bank b = BankReader.read(dir);
        assertThat(b.samplesOf("p1")).extracting(RecordedSample::confidence).containsExactly(Optional.of(0.82), Optional.empty());
        assertThat(b.issues()).singleElement().hasToString(dir.resolve("samples.jsonl") + ":2: confidence 1.7 is not in [0, 1]: sample kept without it");
    }

    @Test
    void negative_cost_keeps_the_sample_without_cost() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n",
                "{\"problem_id\": \"p1\", \"index\": 0, \"text\": \"x\", \"answer\": \"a\", \"correct\": true, \"output_tokens\": -5, \"cost_usd\": -0.1}\n");
        Bank b = BankReader.read(dir);
        assertThat(b.samplesOf("p1")).singleElement().satisfies(s -> assertThat(s.costUsd()).isEmpty());
        assertThat(b.issues()).singleElement().extracting(LineIssue::problem).asString().contains("negative");
    }

    @Test
    void a_missing_bank_names_the_path() {
        assertThatThrownBy(() -> BankReader.read(dir.resolve("nope")))
                .isInstanceOf(PonderException.class).hasMessageContaining("nope")
                .extracting(e -> ((PonderException) e).kind()).isEqualTo(PonderException.Kind.NOT_FOUND);
    }

    @Test
    void a_missing_samples_file_names_the_file() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n", "");
        Files.delete(dir.resolve("samples.jsonl"));
        assertThatThrownBy(() -> BankReader.read(dir)).hasMessageContaining("samples.jsonl");
    }

    @Test
    void reading_never_changes_the_files() throws IOException {
        write("{\"id\": \"p1\", \"question\": \"q1\", \"reference\": \"a\"}\n", "garbage\n");
        byte[] before = Files.readAllBytes(dir.resolve("samples.jsonl"));
        BankReader.read(dir);
        assertThat(Files.readAllBytes(dir.resolve("samples.jsonl"))).isEqualTo(before);
    }
}
