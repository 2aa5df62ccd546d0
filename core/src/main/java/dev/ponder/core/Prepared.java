package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** A question's session over an observed dispatching backend, with the policy's budget, ready for its strategy. */
record Prepared(Session session, Observed observed, String model) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    static Prepared of(EngineSettings c, List<Message> messages, Policy policy, String model, Optional<SolveListener> listener, String traceId) {
        if (messages.isEmpty()) throw PonderException.invalid("no messages to solve (policy %s)", policy);
        String question = GenerationRequest.of("-", messages, 1).lastUserMessage();
        AnswerExtractor ex = answers(c, policy);
        Observed observed = new Observed(Backend.byModel(c.backends()), c.prices(), ex, listener);
        GenerationRequest request = new GenerationRequest(model, messages, 1, policy.maxTokens(), Optional.empty(), Map.of());
        Problem problem = new Problem("q" + Integer.toHexString(question.hashCode()), question, "");
        Session session = new Session(problem, observed, request, new Meter(policy.budget(), c.clock()), new Trace(traceId), ex, true,
                new SplittableRandom(c.seed() * GOLDEN + question.hashCode()), c.clock(), c.checker());
        return new Prepared(session, observed, model);
    }

    Solution solution(Result r) {
        return new Solution(r.answer(), r.text(), r.confidence(), r.usage(), r.strategy() + ":" + model, r.samples(), r.stop(),
                observed.failure(), r.trace());
    }

    /** The policy's answer kind; a grouping's state is made here so that progress and the session share it. */
    private static AnswerExtractor answers(EngineSettings c, Policy policy) {
        AnswerExtractor ex;
        try {
            ex = policy.answer().map(a -> AnswerExtractor.forName(a, c.semantic())).orElse(c.extractor());
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("policy %s: %s", policy, e.getMessage());
        }
        return ex instanceof Grouping g ? g.forQuestion() : ex;
    }
}
