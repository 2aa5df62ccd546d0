package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Our extraction from the raw text, judged against the reference, must agree with the recorded labels. */
class LastLettersAgreementTest {

    @Test
    void extraction_agrees_with_recorded_labels_on_99_percent() {
        var dir = SharedData.bank("last-letters-gpt35");
        assumeTrue(dir.isPresent(), SharedData.SKIP);
        Bank bank = BankReader.read(dir.get());
        AnswerExtractor ex = AnswerExtractor.exact();
        int total = 0;
        List<String> disagreements = new ArrayList<>();
        for (Problem p : bank.problems()) {
            for (RecordedSample s : bank.samplesOf(p.id())) {
                total++;
                boolean ours = ex.extract(s.text()).equals(p.reference().toLowerCase(Locale.ROOT));
                if (ours != s.correct()) {
                    disagreements.add(p.id() + "#" + s.index() + " recorded=" + s.correct() + " ours=" + ex.extract(s.text())
                            + " ref=" + p.reference());
                }
            }
        }
        double agreement = 1 - (double) disagreements.size() / total;
        System.out.printf("last-letters: %d samples, agreement %.4f, %d tolerated disagreements:%n", total, agreement, disagreements.size());
        disagreements.forEach(d -> System.out.println("  " + d));
        assertThat(total).isEqualTo(9520);
        assertThat(agreement).isGreaterThanOrEqualTo(0.99);
    }
}
