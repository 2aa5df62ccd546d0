package dev.ponder.lab.eval;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.verify.Verifier;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Decides whether a strategy's final answer is right. For recorded samples the bank's own label is the truth: the
 * label of the sample chosen as the reply (with a grouping answer kind, the group's medoid or the judge's pick), else
 * of a drawn sample with that answer (as the self-consistency and stopping-rule reference code does). Otherwise the
 * answer is checked against the problem's reference.
 */
public interface Grader {

    boolean correct(Problem problem, Result result);

    /** Recorded labels first, then {@code check(problem, answer)}. */
    static Grader recordedThen(BiPredicate<Problem, String> check) {
        return (problem, result) -> {
            if (!result.answered()) return false;
            Optional<Boolean> recorded = result.chosen().flatMap(Sample::recordedCorrect).or(() -> result.samples().stream()
                    .filter(s -> s.answer().equals(result.answer()))
                    .map(Sample::recordedCorrect).flatMap(Optional::stream).findFirst());
            return recorded.orElseGet(() -> check.test(problem, result.answer()));
        };
    }

    /** The verifier accepts the answer against the problem's reference. */
    static BiPredicate<Problem, String> verifiedBy(Verifier verifier) {
        return (problem, answer) -> verifier.verify(problem, answer).isAccepted();
    }
}
