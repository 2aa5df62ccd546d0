package dev.ponder.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Ponder engine as a LangChain4j {@link ChatModel}: every chat is solved under a policy, so an AI service gains
 * test-time strategies by changing the model it is given.
 * <pre>{@code
 * ChatModel model = PonderChatModel.builder().engine(ponder).policy(Policy.vote(5).withBudgetDollars(0.01)).build();
 * Assistant assistant = AiServices.create(Assistant.class, model);
 * }</pre>
 * The reply is the text of the sample the chosen answer came from ({@link Reply#TEXT}), or the bare answer
 * ({@link Reply#ANSWER}). Token usage is a {@link PonderTokenUsage} (with dollars) and the metadata a
 * {@link PonderResponseMetadata}; listeners see both. A chat with no sample at all fails with LangChain4j's exception
 * for the cause ({@code RateLimitException}, {@code InvalidRequestException}...). A request's model name, when set,
 * is read as a policy ({@code vote@8:gpt-4o-mini}).
 */
public final class PonderChatModel implements ChatModel {

    /** What the reply text is. */
    public enum Reply {
        /** The full text of the sample whose answer won. */
        TEXT,
        /** Only the extracted answer (for AI services returning numbers or enums). */
        ANSWER
    }

    private final Adapter adapter;

    private PonderChatModel(Adapter adapter) { this.adapter = adapter; }

    public static Builder builder() { return new Builder(); }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        try {
            Solution s = adapter.engine().solve(adapter.messages(request), adapter.policyFor(request)).orThrow();
            return adapter.response(s);
        } catch (RuntimeException e) {
            throw ErrorMapping.toLangChain(e);
        }
    }

    @Override
    public CompletableFuture<ChatResponse> doChatAsync(ChatRequest request) {
        try {
            return adapter.engine().solveAsync(adapter.messages(request), adapter.policyFor(request))
                    .thenApply(s -> adapter.response(s.orThrow()))
                    .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                            e.getCause() instanceof RuntimeException re ? ErrorMapping.toLangChain(re) : e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(ErrorMapping.toLangChain(e));
        }
    }

    @Override
    public List<ChatModelListener> listeners() { return adapter.listeners(); }

    @Override
    public ModelProvider provider() { return ModelProvider.OTHER; }

    /** The policy chats run under unless a request names another. */
    public Policy policy() { return adapter.policy(); }

    /**
     * Builds a {@link PonderChatModel}; {@code engine} is required, the policy defaults to the engine's:
     * {@code PonderChatModel.builder().engine(ponder).policy("vote@5").reply(Reply.ANSWER).build()}.
     */
    public static final class Builder {
        private Ponder engine;
        private Policy policy;
        private Reply reply = Reply.TEXT;
        private final List<ChatModelListener> listeners = new ArrayList<>();

        Builder() {}

        public Builder engine(Ponder p) { engine = p; return this; }

        public Builder policy(Policy p) { policy = p; return this; }

        /** {@link Policy#parse} of {@code written}, e.g. {@code "vote@5:gpt-4o-mini"}. */
        public Builder policy(String written) { policy = Policy.parse(written); return this; }

        public Builder reply(Reply r) { reply = r; return this; }

        public Builder listeners(List<ChatModelListener> l) { listeners.addAll(l); return this; }

        public Builder listener(ChatModelListener l) { listeners.add(l); return this; }

        public PonderChatModel build() { return new PonderChatModel(adapter(engine, policy, reply, listeners)); }

        static Adapter adapter(Ponder engine, Policy policy, Reply reply, List<ChatModelListener> listeners) {
            if (engine == null) throw new IllegalArgumentException("no engine: set one with .engine(Ponder.builder()...build())");
            return new Adapter(engine, policy == null ? engine.defaultPolicy() : policy, reply, listeners);
        }
    }
}
