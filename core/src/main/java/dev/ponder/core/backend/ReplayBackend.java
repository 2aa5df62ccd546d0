package dev.ponder.core.backend;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.bank.ReplayOrder;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Serves a bank's recorded samples as if the model were called: each problem's samples in recorded order, or in a
 * seeded random order without replacement (the permutation depends only on the seed and the problem id, so a run is
 * reproducible whatever order problems are asked in). When a problem's samples are used up it says so.
 * One instance is one replay session; make a new one (or {@link #reset()}) to start again.
 */
final class ReplayBackend implements Backend {
    private final Bank bank;
    private final Optional<Long> seed;
    private final Price price;
    private final Map<String, String> idByQuestion = new HashMap<>();
    private final Map<String, int[]> order = new HashMap<>();
    private final Map<String, Integer> cursor = new HashMap<>();

    ReplayBackend(Bank bank, Optional<Long> seed, PriceCatalogue prices) {
        this.bank = bank;
        this.seed = seed;
        this.price = prices.priceOf(bank.model());
        for (Problem p : bank.problems()) idByQuestion.putIfAbsent(p.question().strip(), p.id());
    }

    @Override
    public String name() { return "replay:" + bank.name(); }

    public Bank bank() { return bank; }

    public synchronized void reset() { cursor.clear(); }

    @Override
    public synchronized Generated generate(GenerationRequest request) {
        String id = problemId(request);
        List<RecordedSample> all = bank.samplesOf(id);
        int at = cursor.getOrDefault(id, 0);
        if (at + request.n() > all.size()) {
            throw new PonderException(PonderException.Kind.SAMPLES_EXHAUSTED, String.format(
                    "bank %s, problem %s: asked for %d more samples but only %d of its %d recorded samples are left",
                    bank.name(), id, request.n(), all.size() - at, all.size()));
        }
        int[] perm = permutation(id, all.size());
        List<Generation> out = new ArrayList<>(request.n());
        for (int i = 0; i < request.n(); i++) {
            RecordedSample s = all.get(perm[at + i]);
            out.add(new Generation(s.text(), "", "stop", usageOf(s), Optional.of(s.answer()), s.score(), Optional.of(s.correct()), s.confidence()));
        }
        cursor.put(id, at + request.n());
        return Generated.once(out);
    }

    @Override
    public synchronized Usage worstCase(GenerationRequest request) {
        String id = problemId(request);
        List<RecordedSample> all = bank.samplesOf(id);
        int[] perm = permutation(id, all.size());
        int at = cursor.getOrDefault(id, 0);
        Usage u = Usage.ZERO;
        for (int i = at; i < Math.min(all.size(), at + request.n()); i++) u = u.plus(usageOf(all.get(perm[i])));
        return u;
    }

    @Override
    public synchronized OptionalInt remaining(GenerationRequest request) {
        String id = problemId(request);
        return OptionalInt.of(bank.samplesOf(id).size() - cursor.getOrDefault(id, 0));
    }

    private String problemId(GenerationRequest request) {
        if (request.problemId().isPresent()) {
            String id = request.problemId().get();
            if (!bank.samples().containsKey(id)) {
                throw new PonderException(PonderException.Kind.NOT_FOUND, "bank " + bank.name() + " has no problem \"" + id + "\"");
            }
            return id;
        }
        String id = idByQuestion.get(request.lastUserMessage().strip());
        if (id == null) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "bank " + bank.name()
                    + " has no recorded samples for this question (replay matches the last user message to a problem's question exactly)");
        }
        return id;
    }

    private int[] permutation(String id, int size) {
        return order.computeIfAbsent(id, k -> {
            if (seed.isPresent()) return ReplayOrder.permutation(seed.get(), k, size);
            int[] p = new int[size];
            for (int i = 0; i < size; i++) p[i] = i;
            return p;
        });
    }

    private Usage usageOf(RecordedSample s) {
        long out = Math.round(s.outputTokens().orElse(0.0));
        double dollars = s.costUsd().orElseGet(() -> price.cost(0, out));
        return new Usage(0, out, 0, dollars, Duration.ZERO);
    }
}
