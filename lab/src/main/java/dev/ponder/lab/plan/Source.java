package dev.ponder.lab.plan;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.bank.LineIssue;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.problems.ProblemSet;
import dev.ponder.lab.problems.ProblemSetReader;
import dev.ponder.lab.semantic.MiniLm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A loaded source: its problems, how answers are extracted and checked, and the lines that could not be read. */
public record Source(String name, String kind, String domain, Optional<Bank> bank, List<Problem> problems, int maxSamples,
                     boolean hasCost, List<LineIssue> issues, AnswerExtractor extractor, Verifier verifier) {
    public Source {
        problems = List.copyOf(problems);
        issues = List.copyOf(issues);
    }

    /** Reads a bank or a problem set; a bad line is kept in {@link #issues()} and the rest is used. */
    public static Source load(SourceSpec spec, Path path) {
        if (spec.isBank()) {
            Bank b = BankReader.read(path);
            String kind = b.answerKind() + " " + b.domain();
            AnswerExtractor ex = spec.extractor().map(Source::named).orElseGet(() -> AnswerExtractor.forKind(kind));
            return new Source(b.name(), "bank", b.domain(), Optional.of(b), limit(b.problems(), spec.limit()), b.maxSamplesPerProblem(),
                    b.hasCost(), b.issues(), ex, Verifier.forKind(kind));
        }
        ProblemSet set = ProblemSetReader.read(path);
        AnswerExtractor ex = spec.extractor().map(Source::named).orElseGet(() -> AnswerExtractor.forKind(set.answerKind()));
        return new Source(set.name(), "problems", set.answerKind(), Optional.empty(), limit(set.problems(), spec.limit()),
                64, true, set.issues(), ex, Verifier.forKind(set.answerKind()));
    }

    /** An extractor or grouping by name; {@code semantic} is the in-process MiniLM model at its calibrated threshold. */
    private static AnswerExtractor named(String name) {
        return AnswerExtractor.forName(name, Optional.of(MiniLm.grouping()));
    }

    /** The model recorded in a bank (replay), else empty. */
    public Optional<String> recordedModel() { return bank.map(Bank::model); }

    private static List<Problem> limit(List<Problem> ps, Optional<Integer> limit) {
        return limit.map(l -> ps.subList(0, Math.min(l, ps.size()))).orElse(ps);
    }
}
