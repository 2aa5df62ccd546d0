package dev.ponder.lab.runner;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.trace.Call;
import dev.ponder.core.verify.Verifier;
import dev.ponder.lab.store.StoredDecision;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.lab.store.StoredSample;
import dev.ponder.lab.store.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a strategy's result on one problem into the rows the store keeps. */
final class Units {
    private Units() {}

    static Unit of(String configId, Problem p, Result r, boolean correct, Verifier verifier) {
        var u = r.usage();
        StoredOutcome o = new StoredOutcome(configId, p.id(), r.answer(), correct, r.samples().size(), u.inputTokens(),
                u.outputTokens(), u.reasoningTokens(), u.dollars(), millis(u.latency()), r.stop().name(), r.confidence(),
                r.failure().map(Failure::written));
        List<StoredSample> samples = new ArrayList<>();
        for (Sample s : r.samples()) {
            Optional<Boolean> verdict = s.recordedCorrect().isPresent() ? s.recordedCorrect()
                    : Optional.of(s.hasAnswer() && verifier.verify(p, s.answer()).isAccepted());
            samples.add(new StoredSample(s.index(), s.text(), s.reasoning(), s.answer(), verdict, s.score(), s.usage().inputTokens(),
                    s.usage().outputTokens(), s.usage().reasoningTokens(), s.usage().dollars(), millis(s.usage().latency())));
        }
        List<StoredDecision> decisions = new ArrayList<>();
        for (Call c : r.trace().calls()) {
            decisions.add(new StoredDecision(c.seq(), "call:" + c.purpose(), c.samples(),
                    "backend=" + c.backend() + " attempts=" + c.attempts() + c.error().map(e -> " error=" + e).orElse("")
                            + (c.verdicts().isEmpty() ? "" : " notes=" + String.join("; ", c.verdicts()))));
        }
        decisions.add(new StoredDecision(decisions.size(), "final", r.samples().size(), String.format(Locale.ROOT,
                "answer=%s confidence=%.4f stop=%s correct=%s", r.answer(), r.confidence(), r.stop(), correct)));
        return new Unit(o, samples, decisions);
    }

    private static double millis(Duration d) { return d.toNanos() / 1e6; }
}
