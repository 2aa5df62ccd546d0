package dev.ponder.examples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.langchain4j.LangChain4jBackend;
import dev.ponder.langchain4j.PonderChatModel;
import dev.ponder.langchain4j.PonderResponseMetadata;
import dev.ponder.langchain4j.PonderStreamingChatModel;
import dev.ponder.langchain4j.PonderTokenUsage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A LangChain4j AI service that gains self-consistency by being given a Ponder-backed model instead of a plain one.
 * The engine replays recorded samples here (offline); in production it would wrap your own model:
 * {@code Ponder.builder().backend("gpt-4o-mini", LangChain4jBackend.of(openAiChatModel))}.
 */
public final class AiServiceExample {

    // snippet: tutor
    /** An ordinary AI service interface: nothing Ponder-specific. */
    public interface MathTutor {
        Result<String> solve(String question);
    }

    /** The same, streaming. */
    public interface StreamingTutor {
        TokenStream solve(String question);
    }
    // end: tutor

    /** Any LangChain4j chat model as the engine's backend: n samples are n chats, priced from their TokenUsage. */
    public static Ponder engineOver(ChatModel chatModel) {
        // snippet: backend
        Ponder ponder = Ponder.builder().backend("gpt-4o-mini", LangChain4jBackend.of(chatModel)).build();   // e.g. an OpenAiChatModel
        // end: backend
        return ponder;
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Returns the answers the service gave. */
    public static List<String> run(PrintStream out) {
        Ponder ponder = Ponder.builder()
                .replay("scripted-gsm8k", Banks.gsm8kTiny())
                .prices(new PriceCatalogue(Map.of("scripted-gsm8k", new Price(0.15, 0.60))))
                .build();

        ChatModelListener spend = new ChatModelListener() {
            @Override
            public void onResponse(ChatModelResponseContext ctx) {
                if (ctx.chatResponse().metadata() instanceof PonderResponseMetadata m) {
                    out.printf("  [listener] %s answered %s with confidence %.2f for $%.6f%n",
                            m.policy(), m.answer(), m.confidence(), m.ponderUsage().dollars());
                }
            }
        };
        // snippet: service
        ChatModel model = PonderChatModel.builder().engine(ponder).policy(Policy.vote(5).withAnswer("number")).listener(spend).build();
        MathTutor tutor = AiServices.create(MathTutor.class, model);
        // end: service

        List<String> questions = Banks.gsm8kTiny().problems().stream().limit(3).map(p -> p.question()).toList();
        List<String> answers = new ArrayList<>();
        for (String q : questions) {
            Result<String> r = tutor.solve(q);
            PonderTokenUsage u = (PonderTokenUsage) r.tokenUsage();
            String last = r.content().strip().lines().reduce((x, y) -> y).orElse("");
            out.printf("Q: %.60s...%n  reply ends: %s%n  tokens: %d out, %d samples, $%.6f%n", q, last,
                    u.outputTokenCount(), u.samples(), u.dollars());
            answers.add(((PonderResponseMetadata) r.finalResponse().metadata()).answer());
        }

        // snippet: streaming
        StreamingChatModel streaming = PonderStreamingChatModel.builder().engine(ponder).policy(Policy.vote(5).withAnswer("number")).build();
        StreamingTutor live = AiServices.create(StreamingTutor.class, streaming);
        CompletableFuture<String> done = new CompletableFuture<>();
        out.println("Streaming the first question:");
        live.solve(questions.getFirst())
                .onPartialThinking(t -> out.println("  ... " + t.text()))
                .onPartialResponse(text -> { })
                .onCompleteResponse(r -> done.complete(((PonderResponseMetadata) r.metadata()).answer()))
                .onError(done::completeExceptionally)
                .start();
        // end: streaming
        out.println("  streamed answer: " + done.join());
        ponder.close();
        return answers;
    }

    private AiServiceExample() {}
}
