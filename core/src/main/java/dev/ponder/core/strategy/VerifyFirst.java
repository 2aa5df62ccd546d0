package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Resample until the checker accepts, at most K samples (repeated sampling with a verifier: Brown et al. 2024,
 * "Large Language Monkeys"; its limits with an imperfect verifier: Stroebl et al. 2024, "Inference Scaling fLaws").
 * Returns the first accepted answer; when none is accepted it abstains (empty answer), which the fLaws model values
 * at 0, better than a likely-wrong answer with a cost.
 */
record VerifyFirst(int k) implements Strategy {
    VerifyFirst {
        if (k < 1) throw new IllegalArgumentException("verify@K needs K >= 1, was " + k);
    }

    @Override
    public String name() { return "verify@" + k; }

    @Override
    public int maxSamples() { return k; }

    @Override
    public boolean needsChecker() { return true; }

    @Override
    public Result solve(Session session) {
        for (int i = 0; i < k; i++) {
            List<Sample> got = session.draw(1);
            if (got.isEmpty()) break;
            Sample s = got.getFirst();
            if (!s.hasAnswer()) continue;
            Verdict v = session.check(s);
            if (v instanceof Verdict.Accepted a) return session.result(name(), s.answer(), Optional.of(s), a.confidence());
        }
        return session.result(name(), "", Optional.empty(), 0);
    }
}
