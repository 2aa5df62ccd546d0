package dev.ponder.server.catalog;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.upstream.PoolCompletions;
import dev.ponder.server.upstream.UpstreamPool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A model served by one or more upstream OpenAI-compatible servers (tried in order, with fallback). */
public record UpstreamModel(String id, UpstreamPool pool, AnswerExtractor extractor) implements ServedModel {

    @Override
    public Ask ask(ChatRequest r, String traceId) {
        GenerationRequest base = new GenerationRequest(id, r.messages(), 1, r.maxTokens(), Optional.empty(), r.extra());
        return new Ask(ServedModel.problem(r, traceId), base);
    }

    /** The pool; one that may continue raw prompts (plain completions) when an upstream of it serves them, for {@code think@T}. */
    @Override
    public Backend backendFor(long seed) { return pool.servesCompletions() ? new PoolCompletions(pool) : pool; }

    @Override
    public Usage worstCase(Ask ask, int perRun, int runs) { return pool.worstCase(ask.base().withN(perRun * runs)); }

    @Override
    public boolean recordedAnswers() { return false; }

    /** DeepConf's top-k: the alternatives per token its token confidence averages over. */
    public static final int TOP_LOGPROBS = 5;

    /**
     * {@code base} asking for token log-probabilities ({@code logprobs}, {@code top_logprobs}) when every upstream of the
     * pool is configured to give them: what {@code adaptive} sends, so each sample carries its confidence.
     */
    public GenerationRequest withConfidences(GenerationRequest base) {
        if (!pool.logprobs()) return base;
        Map<String, Object> extra = new LinkedHashMap<>(base.extra());
        extra.put("logprobs", true);
        extra.put("top_logprobs", TOP_LOGPROBS);
        return new GenerationRequest(base.model(), base.messages(), base.n(), base.maxTokens(), base.problemId(), extra);
    }

    @Override
    public int listedSamples() { return 8; }

    @Override
    public Optional<StreamingBackend> streaming() { return Optional.of(pool); }
}
