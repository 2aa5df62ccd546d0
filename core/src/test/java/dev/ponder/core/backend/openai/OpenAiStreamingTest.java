package dev.ponder.core.backend.openai;

import static dev.ponder.core.backend.openai.Fixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ponder.core.backend.Delta.Channel;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class OpenAiStreamingTest {
    private final Fixture fx = new Fixture();
    private final List<Delta> deltas = new CopyOnWriteArrayList<>();

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String joined(int choice, Channel channel) {
        return deltas.stream().filter(d -> d.choice() == choice && d.channel() == channel).map(Delta::text).collect(Collectors.joining());
    }

    @Test
    void delivers_deltas_in_order_and_returns_the_generation_with_usage_from_the_last_chunk() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.thinking("add two and two", "The answer is 4")))) {
            Generation g = fx.backend(server).stream(ask("two plus two", 1), deltas::add).generations().getFirst();

            assertThat(deltas).extracting(Delta::text).containsExactly("add", " two", " and", " two", "The", " answer", " is", " 4");
            assertThat(deltas).extracting(Delta::channel).startsWith(Channel.REASONING).endsWith(Channel.CONTENT);
            assertThat(g.text()).isEqualTo("The answer is 4");
            assertThat(g.reasoning()).isEqualTo("add two and two");
            assertThat(g.finishReason()).isEqualTo("stop");
            assertThat(g.usage().inputTokens()).isEqualTo(3);
            assertThat(g.usage().outputTokens()).isEqualTo(8);
            assertThat(g.usage().reasoningTokens()).isEqualTo(4);
            FakeRequest sent = server.requests().getFirst();
            assertThat(sent.stream()).isTrue();
            assertThat(sent.includeUsage()).isTrue();
        }
    }

    @Test
    void the_first_delta_arrives_while_the_server_is_still_holding_the_rest_of_the_stream() {
        CountDownLatch firstSeen = new CountDownLatch(1);
        AtomicBoolean releasedByClient = new AtomicBoolean();
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two three").onChunk(k -> {
            if (k == 1) {
                try {
                    releasedByClient.set(firstSeen.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }))) {
            fx.backend(server).stream(ask("q", 1), d -> {
                deltas.add(d);
                firstSeen.countDown();
            });
            assertThat(releasedByClient).as("the server saw the client take the first token before it sent the second").isTrue();
            assertThat(deltas).extracting(Delta::text).containsExactly("one", " two", " three");
        }
    }

    @Test
    void parses_comment_lines_and_data_split_over_several_lines() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("alpha beta gamma delta epsilon zeta eta theta")
                .style(FakeReply.StreamStyle.DEFAULT.multiLine()))) {
            Generation g = fx.backend(server).stream(ask("q", 1), deltas::add).generations().getFirst();
            assertThat(g.text()).isEqualTo("alpha beta gamma delta epsilon zeta eta theta");
            assertThat(deltas).hasSize(8);
        }
    }

    @Test
    void splits_inline_think_tags_across_chunks() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.inlineThinking("carry the one", " so 12")))) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).thinkTags(ThinkTags.THINK).build());
            Generation g = b.stream(ask("q", 1), deltas::add).generations().getFirst();

            assertThat(g.reasoning()).isEqualTo("carry the one");
            assertThat(g.text()).isEqualTo(" so 12");
            assertThat(joined(0, Channel.REASONING)).isEqualTo("carry the one");
            assertThat(joined(0, Channel.CONTENT)).isEqualTo(" so 12");
        }
    }

    @Test
    void a_stream_cut_after_output_was_delivered_is_stream_broken_and_not_retried() {
        // the cut waits until the client has taken three tokens: a dropped connection can overtake unread data
        CountDownLatch taken = new CountDownLatch(3);
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two three four five").cutAfter(3).onChunk(k -> {
            if (k == 3) await(taken);
        }))) {
            OpenAiBackend b = fx.backend(server);
            PonderException e = catchThrowableOfType(PonderException.class, () -> b.stream(ask("q", 1), d -> {
                deltas.add(d);
                taken.countDown();
            }));

            assertThat(e.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(e.outputDelivered()).isTrue();
            assertThat(e.retriable()).isFalse();
            assertThat(deltas).extracting(Delta::text).containsExactly("one", " two", " three");
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_stream_cut_before_any_output_is_retried() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("fine"))) {
            server.sequence(r -> FakeReply.texts("fine"), FakeReply.texts("never seen").cutAfter(0));
            OpenAiBackend b = fx.backend(server);
            Generated got = b.stream(ask("q", 1), deltas::add);
            Generation g = got.generations().getFirst();

            assertThat(g.text()).isEqualTo("fine");
            assertThat(deltas).extracting(Delta::text).containsExactly("fine");
            assertThat(got.attempts()).isEqualTo(2);
        }
    }

    @Test
    void a_stream_that_stalls_times_out_and_says_output_had_started() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two").onChunk(k -> {
            try {
                Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }))) {
            // 1 s, not less: the first token must arrive within it even on a loaded machine
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).requestTimeout(Duration.ofSeconds(1)).build());
            PonderException e = catchThrowableOfType(PonderException.class, () -> b.stream(ask("q", 1), deltas::add));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.outputDelivered()).isTrue();
            assertThat(deltas).extracting(Delta::text).containsExactly("one");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void streams_n_choices_by_parallel_requests_when_the_server_ignores_n() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("choice from request " + r.seq()))) {
            List<Generation> g = fx.backend(server).stream(ask("q", 3), deltas::add).generations();

            assertThat(g).hasSize(3);
            for (int i = 0; i < 3; i++) assertThat(joined(i, Channel.CONTENT)).isEqualTo(g.get(i).text());
            assertThat(g.getFirst().text()).isEqualTo("choice from request 0");
            assertThat(server.requests()).extracting(FakeRequest::n).containsExactly(3, 1, 1);
        }
    }

    @Test
    void streams_n_interleaved_choices_from_one_request() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("choice " + i + " says hi")))) {
            List<Generation> g = fx.backend(server).stream(ask("q", 2), deltas::add).generations();

            assertThat(g).extracting(Generation::text).containsExactly("choice 0 says hi", "choice 1 says hi");
            assertThat(deltas).extracting(Delta::choice).containsExactly(0, 1, 0, 1, 0, 1, 0, 1);
            assertThat(joined(1, Channel.CONTENT)).isEqualTo("choice 1 says hi");
            assertThat(g.stream().mapToLong(x -> x.usage().outputTokens()).sum()).isEqualTo(8);
        }
    }

    @Test
    void drops_stream_options_for_a_server_that_rejects_it() {
        try (var server = FakeOpenAiServer.start(r -> r.includeUsage()
                ? FakeReply.error(400, "Unrecognized request argument supplied: stream_options")
                : FakeReply.texts("fine"))) {
            OpenAiBackend b = fx.backend(server);
            Generation g = b.stream(ask("q", 1), deltas::add).generations().getFirst();
            b.stream(ask("q", 1), deltas::add);

            assertThat(g.text()).isEqualTo("fine");
            // no usage reported: estimated at 4 characters a token rather than left at zero
            assertThat(g.usage().outputTokens()).isEqualTo(1);
            assertThat(server.requests()).extracting(FakeRequest::includeUsage).containsExactly(true, false, false);
        }
    }

    @Test
    void a_malformed_chunk_is_a_bad_upstream_response() {
        try (var server = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "text/event-stream",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: {\"choices\": [\n\n"))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(server).stream(ask("q", 1), deltas::add));
            assertThat(e.kind()).isEqualTo(Kind.BAD_UPSTREAM_RESPONSE);
            assertThat(e.outputDelivered()).isTrue();
            assertThat(e.getMessage()).contains("chunk 2");
        }
    }

    @Test
    void a_server_that_answers_a_stream_request_with_json_still_delivers_the_output() {
        String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"whole\",\"reasoning_content\":\"r\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3}}";
        try (var server = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", body))) {
            Generation g = fx.backend(server).stream(ask("q", 1), deltas::add).generations().getFirst();
            assertThat(deltas).containsExactly(new Delta(0, Channel.REASONING, "r"), new Delta(0, Channel.CONTENT, "whole"));
            assertThat(g.usage().outputTokens()).isEqualTo(3);
        }
    }

    @Test
    void a_listener_that_throws_aborts_the_call_with_its_exception() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two three four"))) {
            IllegalStateException gone = new IllegalStateException("client went away");
            Throwable t = Assertions.catchThrowable(() -> fx.backend(server).stream(ask("q", 1), d -> {
                deltas.add(d);
                if (deltas.size() == 2) throw gone;
            }));
            assertThat(t).isSameAs(gone);
            assertThat(deltas).hasSize(2);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
