package dev.ponder.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The Ponder chat model keeps the ChatModel contract: messages in, text and usage out, listeners told, errors typed. */
class PonderChatModelContractTest {
    static final Usage PER_SAMPLE = new Usage(10, 20, 0, 0.001, Duration.ZERO);

    /** Mostly 42, every third sample 41; records the roles it was sent. */
    static final class Spy implements Backend {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        private int i;

        public String name() { return "spy"; }

        public synchronized Generated generate(GenerationRequest r) {
            seen.add(r.messages().stream().map(m -> m.role() + ":" + m.content()).toList() + " max=" + r.maxTokens().orElse(-1));
            return Generated.once(IntStream.range(0, r.n()).mapToObj(k -> Generation.live(
                    i++ % 3 == 2 ? "I think the answer is 41." : "The answer is 42.", "", "stop", PER_SAMPLE)).toList());
        }

        public Usage worstCase(GenerationRequest r) { return new Usage(10L * r.n(), 20L * r.n(), 0, 0.001 * r.n(), Duration.ZERO); }
    }

    static Ponder engine(Backend b) {
        return Ponder.builder().backend("m", b).answers(AnswerExtractor.number()).build();
    }

    static final class Recorder implements ChatModelListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        volatile ChatResponse response;
        volatile Throwable error;

        public void onRequest(ChatModelRequestContext ctx) { events.add("request " + ctx.chatRequest().messages().size()); }

        public void onResponse(ChatModelResponseContext ctx) {
            response = ctx.chatResponse();
            events.add("response");
        }

        public void onError(ChatModelErrorContext ctx) {
            error = ctx.error();
            events.add("error " + ctx.error().getClass().getSimpleName());
        }
    }

    @Test
    void sends_every_message_in_order_with_its_role() {
        Spy spy = new Spy();
        ChatModel model = PonderChatModel.builder().engine(engine(spy)).policy(Policy.single()).build();
        model.chat(SystemMessage.from("be brief"), UserMessage.from("hi"), AiMessage.from("hello"), UserMessage.from("6 x 7?"));
        assertThat(spy.seen).containsExactly("[system:be brief, user:hi, assistant:hello, user:6 x 7?] max=-1");
    }

    @Test
    void replies_with_the_winning_sample_and_reports_usage_with_dollars() {
        ChatModel model = PonderChatModel.builder().engine(engine(new Spy())).policy("vote@5").build();
        ChatResponse r = model.chat(UserMessage.from("What is 6 x 7?"));
        assertThat(r.aiMessage().text()).isEqualTo("The answer is 42.");
        assertThat(r.tokenUsage().inputTokenCount()).isEqualTo(50);
        assertThat(r.tokenUsage().outputTokenCount()).isEqualTo(100);
        assertThat(r.tokenUsage().totalTokenCount()).isEqualTo(150);
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.modelName()).isEqualTo("vote@5:m");
        PonderTokenUsage u = (PonderTokenUsage) r.tokenUsage();
        assertThat(u.dollars()).isCloseTo(0.005, Offset.offset(1e-12));
        assertThat(u.samples()).isEqualTo(5);
        PonderResponseMetadata m = (PonderResponseMetadata) r.metadata();
        assertThat(m.answer()).isEqualTo("42");
        assertThat(m.confidence()).isEqualTo(0.8);
        assertThat(m.stop()).isEqualTo("DONE");
        assertThat(m.toBuilder().build()).isEqualTo(m);
        assertThat(model.chat("What is 6 x 7?")).isEqualTo("The answer is 42.");
    }

    @Test
    void replies_with_the_bare_answer_when_asked() {
        ChatModel model = PonderChatModel.builder().engine(engine(new Spy())).policy(Policy.vote(3))
                .reply(PonderChatModel.Reply.ANSWER).build();
        assertThat(model.chat("What is 6 x 7?")).isEqualTo("42");
    }

    @Test
    void listeners_hear_the_request_and_the_response_with_its_dollars() {
        Recorder rec = new Recorder();
        ChatModel model = PonderChatModel.builder().engine(engine(new Spy())).policy(Policy.vote(2)).listener(rec).build();
        model.chat("q");
        assertThat(rec.events).containsExactly("request 1", "response");
        assertThat(((PonderTokenUsage) rec.response.tokenUsage()).dollars()).isCloseTo(0.002, Offset.offset(1e-12));
    }

    @Test
    void a_request_model_name_is_read_as_a_policy_and_its_token_cap_is_kept() {
        Spy spy = new Spy();
        ChatModel model = PonderChatModel.builder().engine(engine(spy)).policy(Policy.single().withBudgetDollars(1)).build();
        ChatResponse r = model.chat(ChatRequest.builder().messages(UserMessage.from("q")).modelName("vote@3:m").maxOutputTokens(64).build());
        assertThat(((PonderTokenUsage) r.tokenUsage()).samples()).isEqualTo(3);
        assertThat(spy.seen).containsExactly("[user:q] max=64");
        assertThatThrownBy(() -> model.chat(ChatRequest.builder().messages(UserMessage.from("q")).modelName("ponder-hard").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ponder-hard");
    }

    @Test
    void failures_become_langchain4j_exceptions_and_listeners_hear_them() {
        Recorder rec = new Recorder();
        Backend limited = Backend.scripted().texts("!fail:RATE_LIMITED").build();
        ChatModel model = PonderChatModel.builder().engine(engine(limited)).policy(Policy.vote(3)).listener(rec).build();
        assertThatThrownBy(() -> model.chat("q")).isInstanceOf(RateLimitException.class);
        assertThat(rec.events).containsExactly("request 1", "error RateLimitException");

        ChatModel broke = PonderChatModel.builder().engine(engine(new Spy())).policy(Policy.vote(3).withBudgetDollars(0.0001)).build();
        assertThatThrownBy(() -> broke.chat("q")).isInstanceOf(NonRetriableException.class).hasMessageContaining("BUDGET");

        ChatModel unknown = PonderChatModel.builder().engine(engine(new Spy())).policy("vote@3:gpt-9").build();
        assertThatThrownBy(() -> unknown.chat("q")).hasMessageContaining("gpt-9");

        ChatModel plain = PonderChatModel.builder().engine(engine(new Spy())).build();
        ChatRequest withTools = ChatRequest.builder().messages(UserMessage.from("q"))
                .toolSpecifications(ToolSpecification.builder().name("calc").build()).build();
        assertThatThrownBy(() -> plain.chat(withTools)).isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("tools");
        assertThatThrownBy(() -> PonderChatModel.builder().build()).hasMessageContaining("no engine");
    }

    @Test
    void chats_asynchronously() {
        ChatModel model = PonderChatModel.builder().engine(engine(new Spy())).policy(Policy.vote(3)).build();
        assertThat(model.chatAsync("What is 6 x 7?").join()).isEqualTo("The answer is 42.");
        ChatModel limited = PonderChatModel.builder().engine(engine(Backend.scripted().texts("!fail:RATE_LIMITED").build())).build();
        assertThatThrownBy(() -> limited.chatAsync("q").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(RateLimitException.class);
    }

    @Test
    void usage_keeps_its_dollars_through_langchain4j_sums() {
        TokenUsage plain = new TokenUsage(1, 2, 3);
        PonderTokenUsage ponder = new PonderTokenUsage(10, 20, 5, 0.5, 4);
        TokenUsage both = TokenUsage.sum(plain, ponder);
        assertThat(both).isInstanceOf(PonderTokenUsage.class);
        assertThat(both.totalTokenCount()).isEqualTo(33);
        assertThat(((PonderTokenUsage) both).dollars()).isEqualTo(0.5);
        assertThat(((PonderTokenUsage) ponder.add(ponder)).samples()).isEqualTo(8);
    }
}
