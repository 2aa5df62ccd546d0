package dev.ponder.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Objects;

/**
 * What the blocking and the streaming chat models share: the engine, the policy, the listeners, and how a chat request
 * becomes a solve and a solution becomes a chat response. A request's model name, when set, is read as a policy
 * ({@code vote@8:gpt-4o-mini}) and replaces the configured strategy and model; budget and extractor stay.
 */
record Adapter(Ponder engine, Policy policy, PonderChatModel.Reply reply, List<ChatModelListener> listeners) {
    Adapter {
        Objects.requireNonNull(engine, "engine: set it with .engine(ponder)");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(reply, "reply");
        listeners = List.copyOf(listeners);
    }

    List<Message> messages(ChatRequest request) {
        if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
            throw Conversions.unsupported("tools (strategies vote over answers, not over tool calls)");
        }
        return Conversions.toPonder(request.messages());
    }

    Policy policyFor(ChatRequest request) {
        ChatRequestParameters p = request.parameters();
        Policy chosen = policy;
        if (p != null && p.modelName() != null && !p.modelName().isBlank()) {
            Policy named;
            try {
                named = Policy.parse(p.modelName());
            } catch (PonderException e) {
                throw ErrorMapping.toLangChain(e);
            }
            chosen = policy.withStrategyOf(named);
        }
        if (p != null && p.maxOutputTokens() != null) chosen = chosen.withMaxTokens(p.maxOutputTokens());
        return chosen;
    }

    ChatResponse response(Solution s) {
        String text = reply == PonderChatModel.Reply.ANSWER ? s.answer() : s.text();
        PonderResponseMetadata meta = PonderResponseMetadata.builder()
                .id(s.trace().id())
                .modelName(s.policy())
                .tokenUsage(Conversions.tokenUsage(s.usage(), s.sampleCount()))
                .finishReason(FinishReason.STOP)
                .answer(s.answer())
                .confidence(s.confidence())
                .policy(s.policy())
                .stop(s.stop().name())
                .build();
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).metadata(meta).build();
    }
}
