package dev.ponder.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.ponder.core.Policy;
import dev.ponder.core.backend.Backend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The streaming model's handler callbacks: progress as thinking, the reply, one completion; or one error. */
class PonderStreamingChatModelTest {

    static final class Handler implements StreamingChatResponseHandler {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done = new CountDownLatch(1);
        volatile ChatResponse complete;
        volatile Throwable error;

        public void onPartialThinking(PartialThinking t) { events.add("thinking " + t.text()); }

        public void onPartialResponse(String s) { events.add("partial " + s); }

        public void onCompleteResponse(ChatResponse r) {
            complete = r;
            events.add("complete");
            done.countDown();
        }

        public void onError(Throwable e) {
            error = e;
            events.add("error " + e.getClass().getSimpleName());
            done.countDown();
        }

        void await() throws InterruptedException {
            assertThat(done.await(30, TimeUnit.SECONDS)).as("handler finished").isTrue();
        }
    }

    @Test
    void streams_progress_then_the_reply_then_one_completion() throws InterruptedException {
        PonderChatModelContractTest.Recorder rec = new PonderChatModelContractTest.Recorder();
        StreamingChatModel model = PonderStreamingChatModel.builder()
                .engine(PonderChatModelContractTest.engine(new PonderChatModelContractTest.Spy()))
                .policy(Policy.vote(3)).listener(rec).build();
        Handler h = new Handler();
        model.chat("What is 6 x 7?", h);
        h.await();
        assertThat(h.events).containsExactly(
                "thinking 1 sample, vote 42 (1/1), $0.001000",
                "thinking 2 samples, vote 42 (2/2), $0.002000",
                "thinking 3 samples, vote 42 (2/3), $0.003000",
                "partial The answer is 42.",
                "complete");
        assertThat(h.complete.aiMessage().text()).isEqualTo("The answer is 42.");
        assertThat(((PonderTokenUsage) h.complete.tokenUsage()).samples()).isEqualTo(3);
        assertThat(rec.events).containsExactly("request 1", "response");
    }

    @Test
    void a_failure_is_one_error_and_no_completion() throws InterruptedException {
        PonderChatModelContractTest.Recorder rec = new PonderChatModelContractTest.Recorder();
        StreamingChatModel model = PonderStreamingChatModel.builder()
                .engine(PonderChatModelContractTest.engine(Backend.scripted().texts("!fail:RATE_LIMITED").build()))
                .policy(Policy.vote(3)).listener(rec).build();
        Handler h = new Handler();
        model.chat("q", h);
        h.await();
        assertThat(h.events).containsExactly("error RateLimitException");
        assertThat(h.error).isInstanceOf(RateLimitException.class);
        assertThat(rec.events).containsExactly("request 1", "error RateLimitException");
    }

    @Test
    void a_bad_request_fails_through_the_handler() throws InterruptedException {
        StreamingChatModel model = PonderStreamingChatModel.builder()
                .engine(PonderChatModelContractTest.engine(new PonderChatModelContractTest.Spy())).policy("vote@2:nowhere").build();
        Handler h = new Handler();
        model.chat("q", h);
        h.await();
        assertThat(h.events).hasSize(1).first().asString().startsWith("error ");
        assertThat(h.error).hasMessageContaining("nowhere");
        Handler bad = new Handler();
        model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from("q")).modelName("vote@0").build(), bad);
        bad.await();
        assertThat(bad.error).isInstanceOf(InvalidRequestException.class);
    }
}
