package dev.ponder.core.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {
    @TempDir Path dir;

    static Calibration sample() {
        Calibrator cal = new Calibrator(3, 2);
        Losses l = cal.measure(Synthetic.questions(400, 8, 0.6, true, 2), Risk.DISAGREEMENT, 8);
        return cal.certify(l, l.all(), 0.1, 0.1, Synthetic.provenance());
    }

    @Test
    void a_calibration_round_trips_through_its_file() {
        Calibration c = sample();
        Path f = dir.resolve("sub/cal.json");
        CalibrationFile.write(f, c);
        Calibration back = CalibrationFile.read(f);
        assertThat(back).isEqualTo(c);
        assertThat(back.stopRule()).isEqualTo(c.stopRule());
        assertThat(CalibrationFile.toJson(c)).contains("\"certified_bound\"").contains("\"curve\"").contains("\"answer_kind\" : \"exact\"");
    }

    @Test
    void a_corrupt_file_is_one_line_naming_it() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"rule\": \"ac\", \"setting\": ");
        assertThatThrownBy(() -> CalibrationFile.read(f)).isInstanceOf(PonderException.class)
                .satisfies(e -> assertThat(((PonderException) e).kind()).isEqualTo(PonderException.Kind.INVALID_INPUT))
                .hasMessageStartingWith(f + " is not a calibration file").hasMessageNotContaining("\n");
        Files.writeString(f, CalibrationFile.toJson(sample()).replace("\"rule\" : \"", "\"rule\" : \"x"));
        assertThatThrownBy(() -> CalibrationFile.read(f)).hasMessageStartingWith(f + " is not a calibration file").hasMessageContaining("unknown stopping rule");
        assertThatThrownBy(() -> CalibrationFile.read(dir.resolve("none.json"))).isInstanceOf(PonderException.class)
                .hasMessageContaining("calibration file not found: " + dir.resolve("none.json"));
    }

    @Test
    void a_calibration_for_another_model_or_answer_kind_is_refused_naming_both() {
        Calibration c = sample();
        CalibrationFile.requireFor(c, "cal.json", "m", "exact");
        assertThatThrownBy(() -> CalibrationFile.requireFor(c, "cal.json", "gpt-4o", "exact")).isInstanceOf(PonderException.class)
                .hasMessage("calibration cal.json was made for model m with exact answers, not for model gpt-4o with exact answers");
        assertThatThrownBy(() -> CalibrationFile.requireFor(c, "cal.json", "m", "boxed")).hasMessageContaining("not for model m with boxed answers");
    }
}
