package dev.ponder.server.catalog;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.upstream.UpstreamPool;
import java.util.Optional;

/** A model served by one or more upstream OpenAI-compatible servers (tried in order, with fallback). */
public record UpstreamModel(String id, UpstreamPool pool, AnswerExtractor extractor) implements ServedModel {

    @Override
    public Ask ask(ChatRequest r, String traceId) {
        GenerationRequest base = new GenerationRequest(id, r.messages(), 1, r.maxTokens(), Optional.empty(), r.extra());
        return new Ask(new Problem(traceId, r.lastUserMessage(), ""), base);
    }

    @Override
    public Backend backendFor(long seed) { return pool; }

    @Override
    public Usage worstCase(Ask ask, int perRun, int runs) { return pool.worstCase(ask.base().withN(perRun * runs)); }

    @Override
    public boolean recordedAnswers() { return false; }

    @Override
    public int listedSamples() { return 8; }

    @Override
    public Optional<StreamingBackend> streaming() { return Optional.of(pool); }
}
