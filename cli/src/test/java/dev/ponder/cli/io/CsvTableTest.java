package dev.ponder.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir Path dir;

    @Test
    void reads_rows_with_their_line_numbers() throws Exception {
        Path f = Files.writeString(dir.resolve("a.csv"), "x,y,flag\n1,2,true\n\"3\",4.5,false\n");
        CsvTable t = CsvTable.read(f);
        assertThat(t.header()).containsExactly("x", "y", "flag");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(1).line()).isEqualTo(3);
        assertThat(t.number(t.rows().get(1), t.column("y"))).isEqualTo(4.5);
        assertThat(t.flag(t.rows().get(0), t.column("flag"))).isTrue();
    }

    @Test
    void missing_column_names_file_column_and_columns_found() throws Exception {
        Path f = Files.writeString(dir.resolve("b.csv"), "N,D\n1,2\n");
        assertThatThrownBy(() -> CsvTable.read(f).column("loss"))
                .hasMessageContaining("b.csv").hasMessageContaining("no column \"loss\"").hasMessageContaining("columns found: N, D");
    }

    @Test
    void bad_number_names_file_and_line() throws Exception {
        Path f = Files.writeString(dir.resolve("c.csv"), "N,D\n1,2\n3,abc\n");
        CsvTable t = CsvTable.read(f);
        assertThatThrownBy(() -> t.number(t.rows().get(1), 1)).hasMessageContaining("c.csv:3: column \"D\": not a number: \"abc\"");
    }

    @Test
    void missing_file_is_not_found() {
        assertThatThrownBy(() -> CsvTable.read(dir.resolve("nope.csv"))).hasMessageContaining("file not found");
    }
}
