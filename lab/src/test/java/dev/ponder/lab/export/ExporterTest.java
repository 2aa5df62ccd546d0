package dev.ponder.lab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A draw: text, answer and recorded verdict (null: none), costing one cent and 10 output tokens. */
    static Draw d(int index, String text, String answer, Boolean correct) {
        return new Draw(index, text, answer, Optional.ofNullable(correct), Optional.empty(), Optional.of(10.0), Optional.of(0.01));
    }

    static Group group(String strategy, String problem, String kind, Optional<String> finalAnswer, Draw... draws) {
        return new Group(new Origin("r1", "src", "cfg-" + strategy, strategy, "m"), kind, new Problem(problem, "question " + problem, "42"),
                List.of(draws), finalAnswer);
    }

    static Exporter.Request request(String accept, Path dir, Optional<Integer> cap, double holdout, String metadata, boolean preference) {
        return Exporter.request(accept, Optional.empty(), "auto", cap, holdout, 0, Optional.empty(), metadata, Optional.of(dir.resolve("sft.jsonl")),
                preference ? Optional.of(dir.resolve("pref.jsonl")) : Optional.empty(), Optional.of(dir.resolve("frontier.jsonl")));
    }

    static List<JsonNode> lines(Path f) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String s : Files.readAllLines(f)) out.add(JSON.readTree(s));
        return out;
    }

    @Test
    void identical_completions_count_once_the_cap_keeps_the_first_and_pairs_take_failing_samples_of_the_same_problem(@TempDir Path dir) throws Exception {
        Group g = group("vote@8", "p1", "exact", Optional.of("42"), d(0, "a", "42", true), d(1, " a\n", "42", true), d(2, "b", "42", true),
                d(3, "c", "42", true), d(4, "x", "7", false), d(5, "y", "8", false), d(6, "", "42", true), d(7, "x", "7", false));
        Group unsolved = group("vote@8", "p2", "exact", Optional.of("7"), d(0, "z", "7", false), d(1, "w", "", null));
        var w = (Exporter.Written) Exporter.export(new Harvest("t", List.of(g, unsolved)), request("verified", dir, Optional.of(2), 0, "inline", true));
        Yield y = w.harvest();
        assertThat(y.acceptedSamples()).isEqualTo(5);
        assertThat(y.distinct()).isEqualTo(3);
        assertThat(y.examples()).isEqualTo(2);
        assertThat(y.judged()).isEqualTo(9);
        assertThat(y.frontier()).extracting(p -> p.problem().id()).containsExactly("p2");
        assertThat(y.spend().dollars()).isCloseTo(0.10, Offset.offset(1e-12));
        List<JsonNode> sft = lines(dir.resolve("sft.jsonl"));
        assertThat(sft).extracting(n -> n.at("/messages/1/content").asText()).containsExactly("a", "b");
        assertThat(sft.getFirst().get("metadata").toString())
                .isEqualTo("{\"run\":\"r1\",\"source\":\"src\",\"problem\":\"p1\",\"config\":\"cfg-vote@8\",\"strategy\":\"vote@8\",\"model\":\"m\",\"sample\":0,\"answer\":\"42\",\"accept\":\"verified\"}");
        List<JsonNode> pref = lines(dir.resolve("pref.jsonl"));
        assertThat(pref).extracting(n -> n.at("/chosen/0/content").asText() + ">" + n.at("/rejected/0/content").asText()).containsExactly("a>x", "b>y");
        assertThat(pref.getFirst().at("/metadata/rejected/sample").asInt()).isEqualTo(4);
        assertThat(lines(dir.resolve("frontier.jsonl"))).singleElement().extracting(n -> n.get("id").asText()).isEqualTo("p2");
    }

    @Test
    void a_completion_accepted_in_one_configuration_is_never_the_rejected_side_on_that_problem(@TempDir Path dir) throws Exception {
        Group one = group("single", "p1", "exact", Optional.of("42"), d(0, "a", "42", true));
        Group two = group("vote@2", "p1", "exact", Optional.of("42"), d(0, "a", "42", false), d(1, "b", "9", false));
        var w = (Exporter.Written) Exporter.export(new Harvest("t", List.of(one, two)), request("verified", dir, Optional.empty(), 0, "inline", true));
        assertThat(w.harvest().problems()).hasSize(1);
        assertThat(lines(dir.resolve("pref.jsonl"))).singleElement().extracting(n -> n.at("/rejected/0/content").asText()).isEqualTo("b");
    }

    @Test
    void majority_needs_two_agreeing_samples_and_the_minimum_agreement() {
        Group g = group("vote@4", "p1", "exact", Optional.of("k"), d(0, "t0", "k", null), d(1, "t1", "k", null), d(2, "t2", "j", null), d(3, "t3", "", null));
        assertThat(new Acceptance.Majority(0).label(g)).containsExactly(Label.ACCEPTED, Label.ACCEPTED, Label.REJECTED, Label.REJECTED);
        assertThat(new Acceptance.Majority(0.7).label(g)).containsOnly(Label.UNJUDGED);
        assertThat(new Acceptance.Majority(0.6).label(g)).startsWith(Label.ACCEPTED);
        Group single = group("single", "p1", "exact", Optional.of("k"), d(0, "t0", "k", null));
        assertThat(new Acceptance.Majority(0).label(single)).containsOnly(Label.UNJUDGED);
    }

    @Test
    void reference_compares_answers_by_the_kind_and_refuses_game24_whose_reference_is_not_an_answer() {
        Group maths = group("single", "p1", "math", Optional.empty(), d(0, "t", "\\frac{84}{2}", false), d(1, "t", "41", true), d(2, "t", "", null));
        assertThat(new Acceptance.Reference("auto").label(maths)).containsExactly(Label.ACCEPTED, Label.REJECTED, Label.REJECTED);
        assertThat(new Acceptance.Reference("exact").label(maths)).startsWith(Label.REJECTED);
        Group g24 = group("single", "p1", "expression that equals 24", Optional.empty(), d(0, "1+1", "1+1", false));
        assertThatThrownBy(() -> new Acceptance.Reference("auto").label(g24)).isInstanceOf(PonderException.class)
                .hasMessageContaining("judged by the game24 checker").hasMessageContaining("use --accept verified");
    }

    @Test
    void the_holdout_is_by_problem_seeded_and_sized(@TempDir Path dir) {
        List<Group> groups = IntStream.range(0, 20).mapToObj(i -> group("single", "p" + i, "exact", Optional.empty(), d(0, "t" + i, "42", true))).toList();
        List<ProblemYield> ps = Selection.select(groups, groups.stream().map(new Acceptance.Verified("recorded")::label).toList(), Optional.empty());
        assertThat(Split.holdout(ps, 0.25, 1)).hasSize(5).isEqualTo(Split.holdout(ps, 0.25, 1));
        assertThat(IntStream.range(2, 6).mapToObj(s -> Split.holdout(ps, 0.25, s)).distinct().count()).isGreaterThan(1);
        assertThat(Split.holdout(ps, 0.01, 1)).hasSize(1);
        assertThatThrownBy(() -> Split.holdout(ps.subList(0, 1), 0.5, 1)).hasMessageContaining("needs at least 2");
    }

    @Test
    void nothing_accepted_writes_nothing_and_says_why(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sft.jsonl"), "kept\n");
        Group g = group("single", "p1", "exact", Optional.of("7"), d(0, "x", "7", false), d(1, "y", "8", false));
        var r = (Exporter.Refused) Exporter.export(new Harvest("run r1", List.of(g)), request("verified", dir, Optional.empty(), 0, "inline", false));
        assertThat(r.why()).contains("no sample of run r1 passed --accept verified").contains("0 of 2 samples accepted").endsWith("nothing written");
        assertThat(Files.readString(dir.resolve("sft.jsonl"))).isEqualTo("kept\n");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        Group solved = group("single", "p1", "exact", Optional.of("42"), d(0, "a", "42", true));
        var noPairs = (Exporter.Refused) Exporter.export(new Harvest("t", List.of(solved)), request("verified", dir, Optional.empty(), 0, "inline", true));
        assertThat(noPairs.why()).startsWith("no preference pairs: none of the 1 problem(s) with an accepted sample has a rejected one");
    }

    @Test
    void sidecar_metadata_goes_to_a_parallel_file_line_by_line(@TempDir Path dir) throws Exception {
        Group g = group("vote@3", "p1", "exact", Optional.of("42"), d(0, "a", "42", true), d(1, "b", "42", true), d(2, "x", "1", false));
        var w = (Exporter.Written) Exporter.export(new Harvest("t", List.of(g)), request("verified", dir, Optional.empty(), 0, "sidecar", true));
        assertThat(w.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactly("sft.jsonl", "sft.meta.jsonl", "pref.jsonl", "pref.meta.jsonl", "frontier.jsonl");
        assertThat(lines(dir.resolve("sft.jsonl"))).allSatisfy(n -> assertThat(n.has("metadata")).isFalse()).hasSize(2);
        assertThat(lines(dir.resolve("sft.meta.jsonl"))).extracting(n -> n.get("line").asInt() + ":" + n.get("sample").asInt()).containsExactly("1:0", "2:1");
        assertThat(Files.readString(dir.resolve("frontier.jsonl"))).isEmpty();
    }

    @Test
    void bad_options_are_refused_naming_the_option(@TempDir Path dir) {
        Optional<Path> f = Optional.of(dir.resolve("a.jsonl"));
        assertThatThrownBy(() -> Exporter.request("verified", Optional.empty(), "auto", Optional.of(0), 0, 0, Optional.empty(), "inline", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("--max-per-problem must be >= 1, was 0");
        assertThatThrownBy(() -> Exporter.request("verified", Optional.empty(), "auto", Optional.empty(), 1.0, 0, Optional.empty(), "inline", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("--holdout must be a fraction in (0, 1), was 1.0");
        assertThatThrownBy(() -> Exporter.request("verified", Optional.empty(), "auto", Optional.empty(), 0, 0, Optional.empty(), "inline", f, f, Optional.empty()))
                .hasMessageContaining("is given for two outputs");
        assertThatThrownBy(() -> Exporter.request("verified", Optional.empty(), "auto", Optional.empty(), 0, 0, Optional.empty(), "inline", Optional.of(dir),
                Optional.empty(), Optional.empty())).hasMessage(dir + " is a folder: give a file to write, e.g. " + dir.resolve("out.jsonl"));
        assertThatThrownBy(() -> Exporter.request("verified", Optional.of(0.5), "auto", Optional.empty(), 0, 0, Optional.empty(), "inline", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("--min-agreement applies to --accept majority only");
        assertThatThrownBy(() -> Exporter.request("majority", Optional.empty(), "math", Optional.empty(), 0, 0, Optional.empty(), "inline", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("majority needs no checker");
        assertThatThrownBy(() -> Exporter.request("best", Optional.empty(), "auto", Optional.empty(), 0, 0, Optional.empty(), "inline", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("--accept must be verified, majority or reference, was \"best\"");
        assertThatThrownBy(() -> Exporter.request("verified", Optional.empty(), "auto", Optional.empty(), 0, 0, Optional.empty(), "both", f, Optional.empty(), Optional.empty()))
                .hasMessageContaining("--metadata must be inline or sidecar");
    }
}
