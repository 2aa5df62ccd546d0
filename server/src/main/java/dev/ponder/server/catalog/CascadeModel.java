package dev.ponder.server.catalog;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ChatRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tiers of a cascade ({@code cascade:a>b}), cheapest first, each a served upstream model. The base request names
 * the whole list; the cascade strategy draws each tier with {@code withModel(tier)} and the run's backend sends every
 * request to that tier's own upstream pool ({@link Backend#byModel}).
 */
public record CascadeModel(String id, List<UpstreamModel> tiers) implements ServedModel {
    public CascadeModel {
        tiers = List.copyOf(tiers);
        if (tiers.size() < 2) throw new IllegalArgumentException("a cascade needs at least two tiers, was " + tiers.size());
    }

    public static CascadeModel of(List<UpstreamModel> tiers) {
        return new CascadeModel(String.join(">", tiers.stream().map(UpstreamModel::id).toList()), tiers);
    }

    @Override
    public Ask ask(ChatRequest r, String traceId) {
        GenerationRequest base = new GenerationRequest(id, r.messages(), 1, r.maxTokens(), Optional.empty(), r.extra());
        return new Ask(ServedModel.problem(r, traceId), base);
    }

    @Override
    public Backend backendFor(long seed) {
        Map<String, Supplier<Backend>> byTier = new LinkedHashMap<>();
        for (UpstreamModel t : tiers) byTier.put(t.id(), () -> t.backendFor(seed));
        return Backend.byModel(byTier);
    }

    /**
     * The most expensive tier's worst case. The cascade's {@code maxSamples} (4 x votes) covers two tiers of at most
     * 2 x votes each, so longer lists scale it by half their length, rounded up.
     */
    @Override
    public Usage worstCase(Ask ask, int perRun, int runs) {
        int scaled = perRun * Math.max(1, (tiers.size() + 1) / 2);
        Usage worst = Usage.ZERO;
        for (UpstreamModel t : tiers) {
            Usage u = t.worstCase(new Ask(ask.problem(), ask.base().withModel(t.id())), scaled, runs);
            if (u.dollars() > worst.dollars() || (u.dollars() == worst.dollars() && u.totalTokens() > worst.totalTokens())) worst = u;
        }
        return worst;
    }

    @Override
    public List<String> baseIds() { return tiers.stream().map(UpstreamModel::id).toList(); }

    @Override
    public AnswerExtractor extractor() { return tiers.getFirst().extractor(); }

    @Override
    public boolean recordedAnswers() { return false; }

    @Override
    public int listedSamples() { return 8; }

    @Override
    public Optional<StreamingBackend> streaming() { return Optional.empty(); }
}
