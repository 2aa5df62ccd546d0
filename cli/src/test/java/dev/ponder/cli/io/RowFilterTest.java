package dev.ponder.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowFilterTest {
    @TempDir Path dir;

    private List<String> kept(CsvTable t, String expression) {
        RowFilter f = RowFilter.parse(expression, "--where");
        return t.rows().stream().filter(r -> f.keep(t, r)).map(r -> t.text(r, 0)).toList();
    }

    @Test
    void compares_text_as_text_and_numbers_as_numbers() throws Exception {
        CsvTable t = CsvTable.read(Files.writeString(dir.resolve("runs.csv"),
                "name,corpus,n,mult,skip\na,rpj,1e7,1.0,false\nb,rw,4e8,16,true\nc,rpj,1.4e9,32.0,\n"));
        assertThat(kept(t, "corpus=rpj")).containsExactly("a", "c");
        assertThat(kept(t, " corpus != rpj ")).containsExactly("b");
        assertThat(kept(t, "mult=1")).containsExactly("a");
        assertThat(kept(t, "n<=4e8")).containsExactly("a", "b");
        assertThat(kept(t, "n<4e8")).containsExactly("a");
        assertThat(kept(t, "n>4e8")).containsExactly("c");
        assertThat(kept(t, "mult>=16")).containsExactly("b", "c");
        RowFilter notSkipped = RowFilter.notFlagged("skip");
        assertThat(t.rows().stream().filter(r -> notSkipped.keep(t, r)).map(r -> t.text(r, 0)).toList()).containsExactly("a", "c");
    }

    @Test
    void bad_expressions_and_cells_say_where() throws Exception {
        assertThatThrownBy(() -> RowFilter.parse("corpus", "--where")).hasMessageContaining("--where \"corpus\": expected COLUMN=VALUE");
        assertThatThrownBy(() -> RowFilter.parse("n<", "--predict-where")).hasMessageContaining("--predict-where \"n<\"");
        assertThatThrownBy(() -> RowFilter.parse("n<big", "--where")).hasMessageContaining("\"big\" is not a number");
        CsvTable t = CsvTable.read(Files.writeString(dir.resolve("bad.csv"), "name,n\na,1e7\nb,lots\n"));
        assertThatThrownBy(() -> kept(t, "n>1")).hasMessageContaining("bad.csv:3: column \"n\": not a number: \"lots\"");
        assertThatThrownBy(() -> kept(t, "size>1")).hasMessageContaining("bad.csv: no column \"size\"");
    }
}
