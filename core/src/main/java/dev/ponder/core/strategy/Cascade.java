package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.List;
import java.util.Optional;

/**
 * FrugalGPT's LLM cascade (Chen, Zaharia and Zou 2023): ask the cheapest tier first; escalate to the next tier when
 * its answer is not trusted. Trust here is the agreement of {@code votes} samples (at least {@code agreement} of them
 * on one answer) or, when a checker is configured, the checker's acceptance. Tiers are the models of the request's
 * model name separated by {@code >}, cheapest first: {@code cascade:gpt-4o-mini>o3-mini}. A single model means one tier.
 */
record Cascade(int votes, double agreement) implements Strategy {
    Cascade {
        if (votes < 1) throw new IllegalArgumentException("cascade votes per tier must be >= 1, was " + votes);
        if (!(agreement > 0 && agreement <= 1)) throw new IllegalArgumentException("cascade agreement must be in (0, 1], was " + agreement);
    }

    @Override
    public String name() { return "cascade@" + votes; }

    @Override
    public int maxSamples() { return votes * 4; }

    @Override
    public Result solve(Session session) {
        List<String> tiers = List.of(session.baseRequest().model().split(">"));
        Result last = null;
        for (int t = 0; t < tiers.size(); t++) {
            String model = tiers.get(t).strip();
            List<Sample> got = session.draw(session.baseRequest().withModel(model).withN(votes), "sample");
            if (got.isEmpty()) break;
            Tally tally = Tally.of(got);
            Optional<String> top = tally.top();
            if (top.isEmpty()) continue;
            Sample chosen = tally.sampleOf(top.get()).orElseThrow();
            double share = (double) tally.count(top.get()) / got.size();
            last = session.result(name(), top.get(), Optional.of(chosen), share);
            boolean trusted = session.checker().isPresent() ? session.check(chosen).isAccepted() : share >= agreement;
            if (trusted) return last;
        }
        return last != null ? last : Vote.decide(session, name());
    }
}
