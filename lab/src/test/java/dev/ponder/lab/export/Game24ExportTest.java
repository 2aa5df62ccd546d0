package dev.ponder.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.verify.game24.Game24;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The export's goal on the Game of 24 banks (MIT; ../shared/banks when present, else the identical copies in
 * data/banks): every {@code --accept verified} line passes the exact checker again, and the yield matches counts
 * computed here straight from the bank's files, without the export's code.
 */
class Game24ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SYSTEM = "Use the four numbers and + - * / to obtain 24.";

    /** A bank's counts, computed from its JSONL files with the checker alone. */
    record Counted(Map<String, String> questions, Map<String, Set<String>> accepted, Map<String, Set<String>> failed,
                   long acceptedSamples, long recordedAgreement, long samples, double dollars, double outputTokens) {
        Set<String> frontier() {
            Set<String> f = new TreeSet<>(questions.keySet());
            f.removeAll(accepted.keySet());
            return f;
        }

        long distinct() { return accepted.values().stream().mapToLong(Set::size).sum(); }

        long pairs() {
            long n = 0;
            for (var e : accepted.entrySet()) n += Math.min(e.getValue().size(), failed.getOrDefault(e.getKey(), Set.of()).size());
            return n;
        }
    }

    static Path bank(String name) {
        return SharedData.bank(name).filter(Files::isDirectory).orElseGet(() -> SharedData.shippedBank(name));
    }

    static Counted count(Path bank) throws IOException {
        Map<String, String> questions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(bank.resolve("problems.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            questions.put(n.get("id").asText(), n.get("question").asText());
        }
        Map<String, Set<String>> accepted = new LinkedHashMap<>(), failed = new LinkedHashMap<>();
        long acceptedSamples = 0, agreement = 0, samples = 0;
        double dollars = 0, tokens = 0;
        for (String line : Files.readAllLines(bank.resolve("samples.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            String id = n.get("problem_id").asText(), text = n.get("text").asText().strip();
            boolean ok = Game24.check(questions.get(id), text).correct();
            samples++;
            if (ok == n.get("correct").asBoolean()) agreement++;
            if (n.hasNonNull("cost_usd")) dollars += n.get("cost_usd").asDouble();
            if (n.hasNonNull("output_tokens")) tokens += n.get("output_tokens").asDouble();
            if (ok) acceptedSamples++;
            if (!text.isEmpty()) (ok ? accepted : failed).computeIfAbsent(id, k -> new HashSet<>()).add(text);
        }
        accepted.forEach((id, texts) -> failed.getOrDefault(id, new HashSet<>()).removeAll(texts));
        return new Counted(questions, accepted, failed, acceptedSamples, agreement, samples, dollars, tokens);
    }

    @ParameterizedTest
    @CsvSource({"game24-gpt4-io, 14, 27", "game24-gpt4-cot, 28, 52"})
    void every_verified_line_passes_the_checker_again_and_the_yield_matches_the_bank(String name, int solvedProblems, int distinct,
                                                                                      @TempDir Path dir) throws IOException {
        Counted c = count(bank(name));
        Exporter.Request request = Exporter.request("verified", Optional.empty(), "auto", Optional.empty(), 0.2, 7, Optional.of(SYSTEM),
                "inline", Optional.of(dir.resolve("sft.jsonl")), Optional.of(dir.resolve("pref.jsonl")), Optional.of(dir.resolve("frontier.jsonl")));
        Exporter.Written w = (Exporter.Written) Exporter.export(Harvest.of(BankReader.read(bank(name))), request);
        Yield y = w.harvest();

        // the yield, against the independent counts (and the figures a jq one-liner over the bank gives)
        assertThat(c.accepted()).hasSize(solvedProblems);
        assertThat(c.distinct()).isEqualTo(distinct);
        assertThat(c.recordedAgreement()).as("the checker agrees with the ToT labels").isEqualTo(c.samples());
        assertThat(y.problems()).hasSize(c.questions().size());
        assertThat(y.withAccepted()).isEqualTo(c.accepted().size());
        assertThat(y.acceptedSamples()).isEqualTo(c.acceptedSamples());
        assertThat(y.distinct()).isEqualTo(c.distinct());
        assertThat(y.examples()).isEqualTo(c.distinct());
        assertThat(y.pairs()).isEqualTo(c.pairs());
        assertThat(y.frontier().stream().map(p -> p.problem().id())).containsExactlyInAnyOrderElementsOf(c.frontier());
        assertThat(y.spend().dollars()).isCloseTo(c.dollars(), Offset.offset(1e-9));
        assertThat(y.spend().outputTokens()).isCloseTo(c.outputTokens(), Offset.offset(1e-6));
        assertThat(y.table()).contains(
                String.format(Locale.ROOT, "  %-22s %10d  (%.1f%%)", "with >= 1 accepted", solvedProblems, 100.0 * solvedProblems / c.questions().size()),
                String.format(Locale.ROOT, "  %-22s %10.2f  over all %d problems; %.2f over the %d with >= 1", "mean per problem",
                        (double) distinct / c.questions().size(), c.questions().size(), (double) distinct / solvedProblems, solvedProblems),
                String.format(Locale.ROOT, "  %-22s %10d  problems with no accepted sample", "frontier", c.frontier().size()));

        // every written line: valid, checked again, split by problem
        Set<String> trainProblems = new HashSet<>(), holdoutProblems = new HashSet<>();
        int sft = 0;
        for (String file : List.of("sft.jsonl", "sft.holdout.jsonl")) {
            assertThat(FormatCheck.check(dir.resolve(file)).issues()).isEmpty();
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode n = JSON.readTree(line);
                String problem = n.at("/metadata/problem").asText();
                JsonNode m = n.get("messages");
                assertThat(m.get(0).get("content").asText()).isEqualTo(SYSTEM);
                assertThat(m.get(1).get("content").asText()).isEqualTo(c.questions().get(problem));
                assertThat(Game24.check(c.questions().get(problem), m.get(2).get("content").asText()).correct()).as(line).isTrue();
                (file.contains("holdout") ? holdoutProblems : trainProblems).add(problem);
                sft++;
            }
        }
        assertThat(sft).isEqualTo(distinct);
        assertThat(trainProblems).doesNotContainAnyElementsOf(holdoutProblems);
        assertThat(holdoutProblems).hasSize((int) Math.round(0.2 * solvedProblems));
        int pairs = 0;
        for (String file : List.of("pref.jsonl", "pref.holdout.jsonl")) {
            if (!Files.exists(dir.resolve(file))) continue;
            assertThat(FormatCheck.check(dir.resolve(file)).issues()).isEmpty();
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode n = JSON.readTree(line);
                String q = c.questions().get(n.at("/metadata/problem").asText());
                assertThat(Game24.check(q, n.at("/chosen/0/content").asText()).correct()).as(line).isTrue();
                assertThat(Game24.check(q, n.at("/rejected/0/content").asText()).correct()).as(line).isFalse();
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo(c.pairs());
        List<String> frontier = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("frontier.jsonl"))) frontier.add(JSON.readTree(line).get("id").asText());
        assertThat(new LinkedHashSet<>(frontier)).containsExactlyInAnyOrderElementsOf(c.frontier());
    }
}
