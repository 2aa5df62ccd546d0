package dev.ponder.core.verify.math;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Checks the grader against real labels (Qwen2.5-Math harness) and MATH-500 references against themselves. */
class MathBankAgreementTest {

    @Test
    void agrees_with_recorded_labels_on_math_qwen25_bank() {
        Path dir = SharedData.resolve("banks/math-qwen25-rm8").orElse(null);
        Assumptions.assumeTrue(dir != null, "../shared not present: skipping the math bank agreement check");
        Bank bank = BankReader.read(dir);
        int total = 0;
        List<String> disagreements = new ArrayList<>();
        for (Problem p : bank.problems()) {
            for (RecordedSample s : bank.samplesOf(p.id())) {
                total++;
                boolean ours = MathEquivalence.equivalent(s.answer(), p.reference());
                if (ours != s.correct()) {
                    disagreements.add("%s #%d: answer %s vs reference %s: recorded %s, ours %s"
                            .formatted(p.id(), s.index(), s.answer(), p.reference(), s.correct(), ours));
                }
            }
        }
        double agreement = 1 - (double) disagreements.size() / total;
        System.out.printf("math-qwen25-rm8: agreement %.4f (%d of %d samples disagree)%n", agreement, disagreements.size(), total);
        disagreements.forEach(System.out::println);
        assertThat(total).isEqualTo(472);
        assertThat(agreement).as("disagreements: %s", disagreements).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void every_math500_reference_equals_itself() throws IOException {
        Path file = SharedData.resolve("data/problems_math500/test.jsonl").orElse(null);
        Assumptions.assumeTrue(file != null, "../shared not present: skipping the MATH-500 self-equivalence check");
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode row = json.readTree(line);
            String answer = row.get("answer").asText();
            n++;
            if (!MathEquivalence.equivalent(answer, answer)) failures.add(row.get("unique_id").asText() + ": " + answer);
        }
        assertThat(n).isEqualTo(500);
        assertThat(failures).isEmpty();
    }

    @Test
    void distinct_math500_references_match_only_when_they_are_the_same_value() throws IOException {
        Path file = SharedData.resolve("data/problems_math500/test.jsonl").orElse(null);
        Assumptions.assumeTrue(file != null, "../shared not present: skipping the MATH-500 leniency check");
        ObjectMapper json = new ObjectMapper();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank()).map(l -> {
                    try {
                        return json.readTree(l).get("answer").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList()));
        List<String> equal = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                if (MathEquivalence.equivalent(distinct.get(i), distinct.get(j))) equal.add(distinct.get(i) + " == " + distinct.get(j));
            }
        }
        // every one of these is the same value written two ways (units, degrees, dollars, x=, order of roots)
        assertThat(equal).containsExactlyInAnyOrder("90^\\circ == 90", "5 == x=5", "1,-2 == -2,1", "120^\\circ == 120",
                "36 == 36^\\circ", "36 == \\$36", "\\frac{1}{4} == \\frac14", "30^\\circ == 30", "10,\\!080 == 10080",
                "36^\\circ == \\$36", "2 \\sqrt{5} == 2\\sqrt{5}");
    }
}
