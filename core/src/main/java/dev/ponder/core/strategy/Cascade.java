package dev.ponder.core.strategy;

import dev.ponder.core.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * FrugalGPT's LLM cascade (Chen, Zaharia and Zou 2023): ask the cheapest tier first; escalate to the next tier when
 * its answer is not trusted. Trust here is the agreement of {@code votes} samples (at least {@code agreement} of them
 * on one answer) or, when a checker is configured, the checker's acceptance. Tiers are the models of the request's
 * model name separated by {@code >}, cheapest first: {@code cascade:gpt-4o-mini>o3-mini}. A single model means one tier.
 * Before leaving an untrusted tier, a backend that can hold a chain's thinking to a budget (completions) gets one more
 * try on the same tier at the cost of the tier's votes again: a longer chain or as many more samples, as
 * {@link ComputeChoice} decides.
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
            var request = session.baseRequest().withModel(model);
            List<Sample> got = new ArrayList<>(session.draw(request.withN(votes), "sample"));
            if (got.isEmpty()) break;
            Optional<Judged> j = judge(session, got);
            if (j.isPresent()) last = j.get().result();
            if (j.isPresent() && j.get().trusted()) return last;
            if (!session.canComplete() || session.stopped()) continue;
            List<Sample> more = switch (ComputeChoice.choose(session, Tally.of(got))) {
                case LONGER_CHAIN -> ComputeChoice.longerChain(session, request, got, votes, name()).stream().toList();
                case MORE_SAMPLES -> session.draw(request.withN(votes), "sample");
            };
            if (more.isEmpty()) continue;
            got.addAll(more);
            j = judge(session, got);
            if (j.isPresent()) last = j.get().result();
            if (j.isPresent() && j.get().trusted()) return last;
        }
        return last != null ? last : Vote.decide(session, name());
    }

    private record Judged(Result result, boolean trusted) { }

    /** The majority over {@code got} as a result, and whether it is trusted (the checker, else the agreement). */
    private Optional<Judged> judge(Session session, List<Sample> got) {
        Tally tally = Tally.of(got);
        Optional<String> top = tally.top();
        if (top.isEmpty()) return Optional.empty();
        Sample chosen = tally.sampleOf(top.get()).orElseThrow();
        double share = (double) tally.count(top.get()) / got.size();
        boolean trusted = session.checker().isPresent() ? session.check(chosen).isAccepted() : share >= agreement;
        return Optional.of(new Judged(session.result(name(), top.get(), Optional.of(chosen), share), trusted));
    }
}
