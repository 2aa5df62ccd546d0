package dev.ponder.server.catalog;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ChatRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bank served by replay: a request whose last user message is one of its questions gets that problem's samples. */
public record BankModel(String id, Bank bank, PriceCatalogue prices, Map<String, Problem> byQuestion) implements ServedModel {

    public static BankModel of(Bank bank, PriceCatalogue prices) {
        Map<String, Problem> m = new HashMap<>();
        for (Problem p : bank.problems()) m.putIfAbsent(p.question().strip(), p);
        return new BankModel("replay:" + bank.name(), bank, prices, Map.copyOf(m));
    }

    @Override
    public Ask ask(ChatRequest r, String traceId) {
        Problem p = byQuestion.get(r.lastUserMessage().strip());
        if (p == null) {
            String example = bank.problems().isEmpty() ? "" : bank.problems().getFirst().question();
            throw new PonderException(PonderException.Kind.NOT_FOUND, "model " + id + " replays recorded samples and has none for this "
                    + "question: the last user message must equal one of the " + bank.problems().size() + " questions of bank "
                    + bank.name() + " (for example \"" + (example.length() > 80 ? example.substring(0, 80) + "..." : example) + "\")");
        }
        GenerationRequest base = new GenerationRequest(bank.model(), r.messages(), 1, r.maxTokens(), Optional.of(p.id()), Map.of());
        return new Ask(p, base);
    }

    @Override
    public Backend backendFor(long seed) { return Backend.replay(bank, Optional.of(seed), prices); }

    @Override
    public Usage worstCase(Ask ask, int perRun, int runs) {
        double dollars = 0;
        long tokens = 0;
        var price = prices.priceOf(bank.model());
        List<RecordedSample> all = bank.samplesOf(ask.problem().id());
        long samples = (long) Math.min(perRun, all.size()) * runs;
        for (RecordedSample s : all) {
            long out = Math.round(s.outputTokens().orElse(0.0));
            dollars = Math.max(dollars, s.costUsd().orElseGet(() -> price.cost(0, out)));
            tokens = Math.max(tokens, out);
        }
        return new Usage(0, tokens * samples, 0, dollars * samples, Duration.ZERO);
    }

    @Override
    public AnswerExtractor extractor() { return AnswerExtractor.forKind(bank.answerKind()); }

    @Override
    public boolean recordedAnswers() { return true; }

    @Override
    public int listedSamples() { return Math.max(1, Math.min(8, bank.maxSamplesPerProblem())); }

    @Override
    public Optional<StreamingBackend> streaming() { return Optional.empty(); }
}
