package dev.ponder.core.verify;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Verdict;
import java.util.Objects;
import java.util.function.BiFunction;

record NamedVerifier(String name, BiFunction<Problem, String, Verdict> check) implements Verifier {
    NamedVerifier {
        Objects.requireNonNull(check, "check");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("verifier name is blank");
    }

    @Override
    public Verdict verify(Problem problem, String answer) {
        return check.apply(problem, answer);
    }
}
