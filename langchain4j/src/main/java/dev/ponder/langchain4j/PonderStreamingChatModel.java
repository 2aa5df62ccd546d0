package dev.ponder.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Progress;
import dev.ponder.core.Solution;
import dev.ponder.core.SolveListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A Ponder engine as a LangChain4j {@link StreamingChatModel}. A strategy's answer is known only once it has voted, so
 * the stream carries its progress as thinking ({@code onPartialThinking}: "3 samples, vote 42 (2/3), $0.000410"),
 * then the reply as one partial response, then the complete response; or {@code onError} (never both).
 * <pre>{@code
 * StreamingChatModel model = PonderStreamingChatModel.builder().engine(ponder).policy(Policy.vote(5)).build();
 * model.chat("What is 6 x 7?", new StreamingChatResponseHandler() {
 *     public void onPartialThinking(PartialThinking t) { System.out.println("... " + t.text()); }
 *     public void onCompleteResponse(ChatResponse r) { System.out.println(r.aiMessage().text()); }
 *     public void onError(Throwable e) { e.printStackTrace(); }
 * });
 * }</pre>
 * Callbacks come from a virtual thread, after {@code chat} has returned. LangChain4j's experimental reactive form
 * ({@code Flow.Publisher} from {@code chat(ChatRequest)}) is not implemented.
 */
public final class PonderStreamingChatModel implements StreamingChatModel {
    private final Adapter adapter;

    private PonderStreamingChatModel(Adapter adapter) { this.adapter = adapter; }

    public static Builder builder() { return new Builder(); }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        try {   // a bad request, or a closed engine, fails before the solve starts
            adapter.engine().stream(adapter.messages(request), adapter.policyFor(request), listener(handler));
        } catch (RuntimeException e) {
            handler.onError(ErrorMapping.toLangChain(e));
        }
    }

    private SolveListener listener(StreamingChatResponseHandler handler) {
        return new SolveListener() {
            @Override
            public void onProgress(Progress p) { handler.onPartialThinking(new PartialThinking(p.line())); }

            @Override
            public void onSolution(Solution s) {
                dev.langchain4j.model.chat.response.ChatResponse response;
                try {
                    response = adapter.response(s.orThrow());
                } catch (RuntimeException e) {
                    handler.onError(ErrorMapping.toLangChain(e));
                    return;
                }
                String text = response.aiMessage().text();
                if (text != null && !text.isEmpty()) handler.onPartialResponse(text);
                handler.onCompleteResponse(response);
            }

            @Override
            public void onError(RuntimeException e) { handler.onError(ErrorMapping.toLangChain(e)); }
        };
    }

    @Override
    public List<ChatModelListener> listeners() { return adapter.listeners(); }

    @Override
    public ModelProvider provider() { return ModelProvider.OTHER; }

    /** Builds a {@link PonderStreamingChatModel}; {@code engine} is required, the policy defaults to the engine's. */
    public static final class Builder {
        private Ponder engine;
        private Policy policy;
        private PonderChatModel.Reply reply = PonderChatModel.Reply.TEXT;
        private final List<ChatModelListener> listeners = new ArrayList<>();

        Builder() {}

        public Builder engine(Ponder p) { engine = p; return this; }

        public Builder policy(Policy p) { policy = p; return this; }

        public Builder policy(String written) { policy = Policy.parse(written); return this; }

        public Builder reply(PonderChatModel.Reply r) { reply = r; return this; }

        public Builder listener(ChatModelListener l) { listeners.add(l); return this; }

        public PonderStreamingChatModel build() {
            return new PonderStreamingChatModel(PonderChatModel.Builder.adapter(engine, policy, reply, listeners));
        }
    }
}
