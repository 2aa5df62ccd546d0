package dev.ponder.cli.run;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.bank.LineIssue;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.eval.Grader;
import dev.ponder.lab.eval.Sampling;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A bank (replayed) or a problem set (live) that {@code ponder run} runs strategies over, with how its answers are read and graded. */
record RunSource(String name, String kind, String model, List<Problem> problems, int maxSamples, boolean hasCost,
              List<LineIssue> issues, Supplier<Backend> backend, AnswerExtractor extractor, Verifier verifier,
              boolean recorded, int concurrency, Sampling sampling) {

    boolean live() { return kind.equals("problems"); }

    /** A bank's name, which picks among shipped calibrations; a live problem set has none. */
    Optional<String> dataset() { return live() ? Optional.empty() : Optional.of(name); }

    Evaluation evaluation(Budget budget, long seed) {
        return new Evaluation(model, extractor, recorded, Grader.recordedThen(Grader.verifiedBy(verifier)),
                budget, seed, concurrency, Evaluation.questionOnly(), InstantSource.system()).withSampling(sampling);
    }

    String title(long seed, String order) {
        return String.format("%s (%s, %s, %d problems, %s order, seed %d%s)", name, kind, model, problems.size(),
                kind.equals("bank") ? order : "live", seed, sampling.isDefault() || !live() ? "" : ", " + sampling.label());
    }
}
