package dev.ponder.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** A LangChain4j chat model as a Ponder backend: n samples are n chats, usage from TokenUsage, errors typed. */
class LangChain4jBackendTest {

    /** Answers 42 with 7 tokens in and 11 out; or throws what it is told to. */
    static final class Fake implements ChatModel {
        final AtomicInteger calls = new AtomicInteger();
        final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
        final Supplier<RuntimeException> failure;

        Fake(Supplier<RuntimeException> failure) { this.failure = failure; }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calls.incrementAndGet();
            requests.add(request);
            RuntimeException e = failure.get();
            if (e != null) throw e;
            return ChatResponse.builder().aiMessage(AiMessage.from("The answer is 42.")).tokenUsage(new TokenUsage(7, 11))
                    .finishReason(FinishReason.STOP).build();
        }
    }

    @Test
    void n_samples_are_n_chats_with_their_usage() {
        Fake fake = new Fake(() -> null);
        LangChain4jBackend b = LangChain4jBackend.of(fake);
        List<Generation> g = b.generate(GenerationRequest.of("m", List.of(Message.system("s"), Message.user("q")), 4).withMaxTokens(32)).generations();
        assertThat(fake.calls).hasValue(4);
        assertThat(g).hasSize(4).allSatisfy(x -> {
            assertThat(x.text()).isEqualTo("The answer is 42.");
            assertThat(x.usage().inputTokens()).isEqualTo(7);
            assertThat(x.usage().outputTokens()).isEqualTo(11);
            assertThat(x.finishReason()).isEqualTo("stop");
        });
        assertThat(fake.requests.getFirst().messages()).hasSize(2);
        assertThat(fake.requests.getFirst().maxOutputTokens()).isEqualTo(32);
        assertThat(b.name()).isEqualTo("langchain4j:other");
        assertThat(b.worstCase(GenerationRequest.of("m", List.of(Message.user("q")), 2)).outputTokens()).isEqualTo(2048);
    }

    @Test
    void the_engine_prices_its_tokens_from_the_catalogue() {
        Fake fake = new Fake(() -> null);
        Ponder p = Ponder.builder().backend("gpt-4o-mini", LangChain4jBackend.of(fake)).answers(AnswerExtractor.number()).build();
        Solution s = p.solve("What is 6 x 7?", Policy.vote(3));
        assertThat(s.answer()).isEqualTo("42");
        assertThat(fake.calls).hasValue(3);
        // shipped price of gpt-4o-mini: $0.15 in, $0.60 out per million tokens
        assertThat(s.dollars()).isCloseTo(3 * (7 * 0.15 + 11 * 0.60) / 1e6, Offset.offset(1e-15));
    }

    @Test
    void langchain4j_errors_become_ponder_kinds() {
        LangChain4jBackend limited = LangChain4jBackend.of(new Fake(() -> new RateLimitException("slow down")));
        Solution s = Ponder.builder().backend("m", limited).build().solve("q", Policy.vote(2));
        assertThat(s.failure()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(PonderException.Kind.RATE_LIMITED);
            assertThat(e.getMessage()).contains("slow down");
        });
        LangChain4jBackend invalid = LangChain4jBackend.of(new Fake(() -> new InvalidRequestException("bad")));
        PonderException e = Assertions.assertThrows(PonderException.class,
                () -> invalid.generate(GenerationRequest.of("m", List.of(Message.user("q")), 1)));
        assertThat(e.kind()).isEqualTo(PonderException.Kind.INVALID_INPUT);
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void a_langchain4j_model_wrapped_by_ponder_is_again_a_chat_model() {
        Fake fake = new Fake(() -> null);
        Ponder p = Ponder.builder().backend("gpt-4o-mini", LangChain4jBackend.of(fake)).answers(AnswerExtractor.number()).build();
        ChatModel voting = PonderChatModel.builder().engine(p).policy(Policy.vote(5)).build();
        ChatResponse r = voting.chat(dev.langchain4j.data.message.UserMessage.from("What is 6 x 7?"));
        assertThat(r.aiMessage().text()).isEqualTo("The answer is 42.");
        assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(35);
        assertThat(r.tokenUsage().outputTokenCount()).isEqualTo(55);
        assertThat(fake.calls).hasValue(5);
    }
}
