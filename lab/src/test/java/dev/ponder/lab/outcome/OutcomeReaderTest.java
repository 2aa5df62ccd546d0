package dev.ponder.lab.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeReaderTest {
    @TempDir
    Path dir;

    private void write(String name, String body) throws IOException {
        Files.writeString(dir.resolve(name), body);
    }

    @Test
    void reads_routerbench_style_columns_and_unwraps_python_list_prompts() throws IOException {
        write("outcomes.csv", """
                split_file,sample_id,eval_name,model,performance,total_cost_usd
                a,q1,arc,small,1.0,0.001
                a,q1,arc,big,1.0,0.01
                a,q2,arc,small,,0.001
                a,q2,arc,big,0.0,0.01
                a,q3,arc,small,0.0,0.001
                a,q3,arc,big,1.0,0.02
                """);
        write("queries.jsonl", """
                {"sample_id": "q1", "eval_name": "arc", "prompt": "['Ex?\\\\nA\\\\n\\\\nWhy is the sky blue?']"}
                {"sample_id": "q3", "eval_name": "arc", "prompt": "plain text"}
                """);
        Loaded l = OutcomeReader.read(dir);
        OutcomeTable t = l.table();
        assertThat(t.tiers()).containsExactly(Tier.single("small"), Tier.single("big"));
        assertThat(t.rows()).extracting(OutcomeTable.Row::id).containsExactly("arc/q1", "arc/q3");
        assertThat(t.rows().getFirst().text()).isEqualTo("Ex?\nA\n\nWhy is the sky blue?");
        assertThat(t.rows().get(1).costs()).containsExactly(0.001, 0.02);
        assertThat(l.notes()).anyMatch(n -> n.contains("skipped 1 rows")).anyMatch(n -> n.contains("dropped 1 queries"));
    }

    @Test
    void pass_rates_without_cost_cost_one_unit_per_call() throws IOException {
        write("pass_rates.csv", "task,problem_id,model,pass_rate\nmath,1,m1,0.3\nmath,1,m2,0.7\n");
        write("questions.jsonl", "{\"task\": \"math\", \"problem_id\": 1, \"question\": \"1+1?\"}\n");
        Loaded l = OutcomeReader.read(dir);
        assertThat(l.table().rows().getFirst().scores()).containsExactly(0.3, 0.7);
        assertThat(l.table().rows().getFirst().costs()).containsExactly(1.0, 1.0);
        assertThat(l.table().rows().getFirst().text()).isEqualTo("1+1?");
        assertThat(l.notes()).anyMatch(n -> n.contains("no cost column"));
    }

    @Test
    void missing_column_names_the_file_and_column() throws IOException {
        write("outcomes.csv", "query_id,model,cost_usd\n1,m,0.1\n");
        assertThatThrownBy(() -> OutcomeReader.read(dir)).isInstanceOf(PonderException.class)
                .hasMessageContaining("outcomes.csv").hasMessageContaining("missing column score");
    }

    @Test
    void bad_number_names_file_and_line() throws IOException {
        write("outcomes.csv", "query_id,model,score,cost_usd\n1,m,1.0,0.1\n2,m,yes,0.1\n");
        assertThatThrownBy(() -> OutcomeReader.read(dir)).isInstanceOf(PonderException.class)
                .hasMessageContaining("outcomes.csv:3").hasMessageContaining("'yes'");
    }

    @Test
    void thinly_covered_tiers_are_dropped() throws IOException {
        StringBuilder b = new StringBuilder("query_id,model,score,cost\n");
        for (int i = 0; i < 20; i++) b.append(i).append(",a,1,1\n");
        b.append("0,rare,1,1\n");
        write("outcomes.csv", b.toString());
        Loaded l = OutcomeReader.read(dir);
        assertThat(l.table().tiers()).containsExactly(Tier.single("a"));
        assertThat(l.table().rows()).hasSize(20);
        assertThat(l.notes()).anyMatch(n -> n.contains("dropped tier single:rare"));
    }

    @Test
    void missing_folder_is_not_found() {
        assertThatThrownBy(() -> OutcomeReader.read(dir.resolve("nope")))
                .isInstanceOfSatisfying(PonderException.class, e -> assertThat(e.kind()).isEqualTo(PonderException.Kind.NOT_FOUND));
    }
}
