package dev.ponder.lab.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.answer.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdCalibrationTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_threshold_is_the_one_the_rule_chooses_on_the_calibration_set() {
        CalibrationSet set = CalibrationSet.read(Path.of("").toAbsolutePath().getParent().resolve("data/semantic/calibration.jsonl"));
        assertThat(set.issues()).isEmpty();
        ThresholdCalibration.Result r = ThresholdCalibration.run(set, MiniLm.embedder(), MiniLm.MODEL, 0, 10);
        assertThat(r.threshold()).isEqualTo(MiniLm.THRESHOLD);
        assertThat(r.votes()).isEqualTo(640);
        assertThat(r.inSample().votesRight()).isCloseTo(0.8125, within(1e-4));
        assertThat(r.crossFittedVotesRight()).isCloseTo(0.7984, within(1e-4));
        assertThat(r.identicalTextVotesRight()).isCloseTo(0.6078, within(1e-4));
        assertThat(r.inSample().sameGrouped()).isCloseTo(0.8197, within(1e-4));
        assertThat(r.inSample().differentGrouped()).isCloseTo(0.5313, within(1e-4));
    }

    @Test
    void when_every_threshold_does_as_well_the_highest_is_chosen() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, """
                {"id": "a", "meanings": [["x one", "x two", "x three"], ["y one", "y two"]]}
                {"id": "b", "meanings": [["z one", "z two"], ["w one", "w two"]]}
                """);
        Embedder same = texts -> texts.stream().map(t -> new float[] {1, 0}).toList();
        ThresholdCalibration.Result r = ThresholdCalibration.run(CalibrationSet.read(f), same, "constant", 3, 4);
        assertThat(r.threshold()).isEqualTo(0.99);
        assertThat(r.halfThresholds()).containsExactly(0.99, 0.99);
        assertThat(r.inSample().sameGrouped()).isEqualTo(1.0);
        assertThat(r.inSample().differentGrouped()).isEqualTo(1.0);
        assertThat(r.votes()).isEqualTo(4 * 4);
    }

    @Test
    void votes_are_right_when_meanings_are_told_apart() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, """
                {"id": "a", "meanings": [["x one", "x two", "x three"], ["y one", "y two", "y three"]]}
                {"id": "b", "meanings": [["x four", "x five"], ["y four", "y five"]]}
                """);
        Embedder byLetter = texts -> texts.stream().map(t -> t.startsWith("x") ? new float[] {1, 0.1f} : new float[] {0.1f, 1}).toList();
        ThresholdCalibration.Result r = ThresholdCalibration.run(CalibrationSet.read(f), byLetter, "letters", 0, 5);
        assertThat(r.inSample().votesRight()).isEqualTo(1.0);
        assertThat(r.crossFittedVotesRight()).isEqualTo(1.0);
        assertThat(r.inSample().differentGrouped()).isZero();
        assertThat(r.identicalTextVotesRight()).isLessThan(1.0);
    }

    @Test
    void a_bad_line_is_reported_with_its_line_and_skipped() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, """
                {"id": "a", "meanings": [["only one meaning", "in two wordings"]]}
                {"id": "b", "meanings": [["p", "q"], ["r"]]}
                not json
                {"id": "c", "meanings": [["p", "q"], ["r", "s"]]}
                """);
        CalibrationSet set = CalibrationSet.read(f);
        assertThat(set.questions()).extracting(CalibrationSet.Question::id).containsExactly("c");
        assertThat(set.issues()).extracting(Object::toString).containsExactly(
                f + ":1: \"meanings\" must be an array of at least two meanings (line skipped)",
                f + ":2: meanings[1] must be an array of at least two wordings (line skipped)",
                f + ":3: malformed JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line skipped)");
        Files.writeString(f, "{\"id\": \"a\"}\n");
        assertThatThrownBy(() -> CalibrationSet.read(f)).hasMessageContaining("no usable question");
        assertThatThrownBy(() -> ThresholdCalibration.run(set, t -> List.of(), "m", 0, 0)).hasMessageContaining("orders must be >= 1");
    }
}
