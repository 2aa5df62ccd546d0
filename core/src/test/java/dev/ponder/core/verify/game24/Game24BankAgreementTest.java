package dev.ponder.core.verify.game24;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact checker, applied to each sample's full text, against the ToT paper's own labels. */
class Game24BankAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"game24-gpt4-io", "game24-gpt4-cot"})
    void agrees_with_recorded_labels(String name) {
        Path dir = SharedData.resolve("banks/" + name).orElse(null);
        Assumptions.assumeTrue(dir != null, "../shared not present: skipping the Game of 24 agreement check");
        Bank bank = BankReader.read(dir);
        int total = 0, accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (Problem p : bank.problems()) {
            for (RecordedSample s : bank.samplesOf(p.id())) {
                total++;
                Game24.Check check = Game24.check(p.question(), s.text());
                if (check.correct()) accepted++;
                if (check.correct() != s.correct()) {
                    disagreements.add("%s #%d [%s] %s: recorded %s, ours %s (%s)".formatted(
                            p.id(), s.index(), p.question(), check.expression(), s.correct(), check.correct(), check.reason()));
                }
            }
        }
        double agreement = 1 - (double) disagreements.size() / total;
        System.out.printf("%s: agreement %.4f, %d disagreements, %d of %d accepted%n",
                name, agreement, disagreements.size(), accepted, total);
        disagreements.forEach(System.out::println);
        assertThat(total).isEqualTo(4900);
        assertThat(agreement).as("disagreements: %s", disagreements).isGreaterThanOrEqualTo(0.995);
    }
}
