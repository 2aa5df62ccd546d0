package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.ForwardingBackend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.strategy.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One solve's view of a backend: prices usage that came with tokens but no dollars (LangChain4j models, local
 * servers) from the catalogue at the request's model, so dollar budgets hold for them too; keeps the running vote and
 * spend for progress reports; and remembers the failure that stopped drawing, which the session reduces to a message.
 */
final class Observed implements ForwardingBackend {
    private final Backend inner;
    private final PriceCatalogue prices;
    private final AnswerExtractor extractor;
    private final Optional<SolveListener> listener;
    private final Tally tally = new Tally();
    private int samples;
    private long tokens;
    private double dollars;
    private PonderException failure;

    Observed(Backend inner, PriceCatalogue prices, AnswerExtractor extractor, Optional<SolveListener> listener) {
        this.inner = inner;
        this.prices = prices;
        this.extractor = extractor;
        this.listener = listener;
    }

    @Override
    public Backend delegate() { return inner; }

    @Override
    public Generated generate(GenerationRequest request) {
        Generated got;
        try {
            got = inner.generate(request);
        } catch (PonderException e) {
            synchronized (this) {
                failure = e;
            }
            throw e;
        }
        List<Generation> out = new ArrayList<>(got.generations().size());
        for (Generation g : got.generations()) {
            Generation priced = g.withUsage(price(g.usage(), request.model()));
            out.add(priced);
            report(priced);
        }
        return got.with(out);
    }

    @Override
    public Usage worstCase(GenerationRequest request) { return price(inner.worstCase(request), request.model()); }

    synchronized Optional<PonderException> failure() { return Optional.ofNullable(failure); }

    private Usage price(Usage u, String model) {
        if (u.dollars() > 0 || u.totalTokens() == 0) return u;
        Optional<Price> p = prices.find(model);
        if (p.isEmpty()) return u;
        return new Usage(u.inputTokens(), u.outputTokens(), u.reasoningTokens(), p.get().cost(u.inputTokens(), u.outputTokens()), u.latency());
    }

    private void report(Generation g) {
        Progress p;
        synchronized (this) {
            String answer = g.recordedAnswer().orElseGet(() -> extractor.extract(g.text()));
            tally.add(new Sample(samples, g.text(), g.reasoning(), answer, g.usage(), g.score(), g.recordedCorrect(), "sample", g.confidence()));
            samples++;
            tokens += g.usage().totalTokens();
            dollars += g.usage().dollars();
            Optional<String> leader = tally.top();
            p = new Progress(samples, leader, tally.topCount(), tally.votes(), tally.counts(), tokens, dollars);
        }
        listener.ifPresent(l -> {
            try {
                l.onProgress(p);
            } catch (RuntimeException ignored) {
                // a listener's failure must not change the answer or the spend; it is documented as ignored
            }
        });
    }
}
