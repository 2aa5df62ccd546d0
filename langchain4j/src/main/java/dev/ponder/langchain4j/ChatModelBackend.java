package dev.ponder.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@link LangChain4jBackend} over one {@link ChatModel}. */
final class ChatModelBackend implements LangChain4jBackend {
    private final ChatModel model;
    private final String name;
    private final int defaultMaxTokens;

    ChatModelBackend(ChatModel model, String name, int defaultMaxTokens) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        if (defaultMaxTokens < 1) throw new IllegalArgumentException("default max tokens must be >= 1, was " + defaultMaxTokens);
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public ChatModel model() { return model; }

    @Override
    public String name() { return name; }

    @Override
    public Generated generate(GenerationRequest request) {
        ChatRequest chat = chatRequest(request);
        if (request.n() == 1) return Generated.once(List.of(one(chat)));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Generation>> futures = new ArrayList<>(request.n());
            for (int i = 0; i < request.n(); i++) futures.add(pool.submit(() -> one(chat)));
            List<Generation> out = new ArrayList<>(request.n());
            for (Future<Generation> f : futures) out.add(f.get());
            return Generated.once(out);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw ErrorMapping.toPonder(re, name);
            throw new PonderException(PonderException.Kind.INTERNAL, name + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PonderException(PonderException.Kind.INTERNAL, name + ": interrupted", e);
        }
    }

    @Override
    public Usage worstCase(GenerationRequest request) {
        long chars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
        long in = chars / 2 + 16;
        long out = request.maxTokens().orElse(defaultMaxTokens);
        return new Usage(in * request.n(), out * request.n(), 0, 0, Duration.ZERO);
    }

    private Generation one(ChatRequest chat) {
        long start = System.nanoTime();
        ChatResponse r;
        try {
            r = model.chat(chat);
        } catch (RuntimeException e) {
            throw ErrorMapping.toPonder(e, name);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        AiMessage ai = r.aiMessage();
        String text = ai == null || ai.text() == null ? "" : ai.text();
        String thinking = ai == null || ai.thinking() == null ? "" : ai.thinking();
        String finish = r.finishReason() == null ? "stop" : r.finishReason().name().toLowerCase(Locale.ROOT);
        return Generation.live(text, thinking, finish, Conversions.fromTokenUsage(r.tokenUsage(), latency));
    }

    private static ChatRequest chatRequest(GenerationRequest request) {
        List<Message> messages = request.messages();
        ChatRequest.Builder b = ChatRequest.builder().messages(Conversions.toLangChain(messages));
        request.maxTokens().ifPresent(b::maxOutputTokens);
        return b.build();
    }
}
