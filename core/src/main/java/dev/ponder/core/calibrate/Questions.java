package dev.ponder.core.calibrate;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Calibration questions from a bank: each problem's recorded samples (answers, scores, confidences, labels) in recorded order. */
public final class Questions {
    private Questions() {}

    public static List<Question> of(Bank bank) { return of(bank, bank.problems()); }

    /** The questions for {@code problems} of the bank; problems without samples are left out. */
    public static List<Question> of(Bank bank, List<Problem> problems) {
        List<Question> out = new ArrayList<>();
        for (Problem p : problems) {
            List<RecordedSample> rs = bank.samplesOf(p.id());
            if (rs.isEmpty()) continue;
            List<Sample> samples = new ArrayList<>(rs.size());
            for (RecordedSample r : rs) {
                samples.add(new Sample(samples.size(), r.text(), "", r.answer(), Usage.ZERO, r.score(), Optional.of(r.correct()), "sample", r.confidence()));
            }
            out.add(new Question(p.id(), samples));
        }
        return out;
    }

    /** What a calibration on this bank is for: its model, the answer extractor its answer kind selects, its name. */
    public static Provenance provenance(Bank bank) {
        String kind = AnswerExtractor.forKind(bank.answerKind() + " " + bank.domain()).label();
        return new Provenance(bank.model(), kind, Optional.of(bank.name()), "bank " + bank.dir() + " (" + bank.problems().size() + " problems)");
    }
}
