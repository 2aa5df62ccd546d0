package dev.ponder.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.ponder.core.backend.Backend;
import java.util.Locale;

/**
 * Any LangChain4j {@link ChatModel} as a Ponder backend: {@code n} samples are {@code n} chats (run in parallel on
 * virtual threads), and their usage comes from each response's {@code TokenUsage}. The model reports tokens, not
 * dollars: the engine prices them from its catalogue at the model name the backend is registered under.
 * <pre>{@code
 * ChatModel openAi = OpenAiChatModel.builder().apiKey(key).modelName("gpt-4o-mini").build();
 * Ponder ponder = Ponder.builder().backend("gpt-4o-mini", LangChain4jBackend.of(openAi)).build();
 * ponder.solve("What is 6 x 7?", Policy.vote(5));
 * }</pre>
 * LangChain4j's exceptions become {@link dev.ponder.core.error.PonderException}s of the matching kind
 * ({@code RateLimitException} is {@code RATE_LIMITED}, and so on); retrying is left to the model's own settings.
 */
public interface LangChain4jBackend extends Backend {

    /** The wrapped model. */
    ChatModel model();

    /** Named {@code langchain4j:PROVIDER} in traces; the worst case assumes 1024 output tokens when a policy sets no cap. */
    static LangChain4jBackend of(ChatModel model) {
        return of(model, "langchain4j:" + model.provider().name().toLowerCase(Locale.ROOT), 1024);
    }

    /**
     * {@code defaultMaxTokens}: output tokens per sample the budget reserves when a policy sets no cap (set it to
     * what your model is configured to return at most, so dollar budgets are not stopped early or overrun).
     */
    static LangChain4jBackend of(ChatModel model, String name, int defaultMaxTokens) {
        return new ChatModelBackend(model, name, defaultMaxTokens);
    }
}
