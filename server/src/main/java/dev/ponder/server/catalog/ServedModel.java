package dev.ponder.server.catalog;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.StreamingBackend;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ChatRequest;
import java.util.List;
import java.util.Optional;

/** A model the proxy serves: a replayed bank, a pool of upstream servers, or a cascade over upstream models. */
public sealed interface ServedModel permits BankModel, UpstreamModel, CascadeModel {

    String id();

    /** The served models a request on this one uses (what a key's model list must allow). */
    default List<String> baseIds() { return List.of(id()); }

    /** What a request asks of this model: the question as a problem, and the base generation request. */
    record Ask(Problem problem, GenerationRequest base) {}

    /**
     * The question of a request to a live model: its last user message, with the answer and fields it gives a checker
     * ({@code ponder.reference}, {@code ponder.tests}).
     */
    static Problem problem(ChatRequest r, String traceId) {
        return new Problem(traceId, r.lastUserMessage(), r.checking().reference(), r.checking().fields());
    }

    /** Builds the ask, or throws NOT_FOUND when a bank has no such question. */
    Ask ask(ChatRequest request, String traceId);

    /** A backend for one strategy run (replay keeps a cursor per run; upstream pools are shared). */
    Backend backendFor(long seed);

    /** The most {@code runs} runs of at most {@code perRun} samples each can cost. */
    Usage worstCase(Ask ask, int perRun, int runs);

    AnswerExtractor extractor();

    /** True when recorded answers (a bank's) are used rather than extracted from text. */
    boolean recordedAnswers();

    /** The N of the strategy forms listed for it (vote@N...). */
    int listedSamples();

    /** The upstream pool, when its output can be streamed token by token. */
    Optional<StreamingBackend> streaming();
}
