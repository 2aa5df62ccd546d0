package dev.ponder.core.backend.anthropic;

import static dev.ponder.core.backend.anthropic.AnthropicFixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ponder.core.backend.Delta;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fake Anthropic upstream that fails every way the API can: down, 401, 429, 529, 5xx, garbage, a stream cut or in error. */
class AnthropicFaultsTest {
    private final AnthropicFixture fx = new AnthropicFixture();

    private static FakeOpenAiServer.Handler ok() { return r -> FakeReply.texts("fine"); }

    @Test
    void a_server_that_is_down_is_unavailable_after_the_retries() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AnthropicBackend b = AnthropicBackend.create(AnthropicConfig.of(fx.connection(URI.create("http://127.0.0.1:" + port)).maxRetries(2).build()));
        PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
        assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("anthropic http://127.0.0.1:" + port + " model claude-fake: cannot connect").contains("gave up after 3 attempts");
        assertThat(e.attempts()).isEqualTo(3);
    }

    @Test
    void a_refused_key_is_unauthorized_at_once_in_the_servers_words() {
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Error(401, "invalid x-api-key", "authentication_error", Map.of()))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).endsWith("HTTP 401: invalid x-api-key");
            assertThat(up.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void rate_limits_wait_their_retry_after_and_overload_and_server_errors_back_off() {
        try (var up = FakeOpenAiServer.start(ok())) {
            up.sequence(ok(), new FakeReply.Error(429, "Number of request tokens has exceeded your per-minute rate limit", "rate_limit_error",
                    Map.of("retry-after", "3")), new FakeReply.Error(529, "Overloaded", "overloaded_error", Map.of()), FakeReply.serverError());
            var got = fx.backend(up.root()).generate(ask("q", 1));
            assertThat(got.generations().getFirst().text()).isEqualTo("fine");
            assertThat(got.attempts()).isEqualTo(4);
            assertThat(fx.sleeps).hasSize(3);
            assertThat(fx.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(3));
            assertThat(fx.sleeps.get(1)).isLessThan(Duration.ofMillis(200));
            assertThat(fx.sleeps.get(2)).isLessThan(Duration.ofMillis(400));
        }
    }

    @Test
    void overload_that_lasts_is_unavailable_naming_the_status() {
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Error(529, "Overloaded", "overloaded_error", Map.of()))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_UNAVAILABLE);
            assertThat(e.getMessage()).contains("HTTP 529: Overloaded").contains("gave up after 4 attempts");
        }
    }

    @Test
    void garbage_is_a_bad_response_and_is_not_retried() {
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", "{\"id\": \"msg_1\", \"content\": [{\"type\""))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.BAD_UPSTREAM_RESPONSE);
            assertThat(e.getMessage()).contains("malformed JSON");
            assertThat(up.requestCount()).isEqualTo(1);
        }
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", "{\"type\": \"message\"}"))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).generate(ask("q", 1)));
            assertThat(e.getMessage()).contains("the response has no content blocks");
        }
    }

    @Test
    void an_error_event_after_output_ends_the_call_without_a_retry_and_one_before_is_retried() {
        String midway = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "text/event-stream", midway))) {
            List<Delta> got = new ArrayList<>();
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).stream(ask("q", 1), got::add));
            assertThat(e.getMessage()).contains("overloaded_error: Overloaded");
            assertThat(e.outputDelivered()).isTrue();
            assertThat(e.retriable()).isFalse();
            assertThat(got).extracting(Delta::text).containsExactly("Hel");
            assertThat(up.requestCount()).isEqualTo(1);
        }
        String early = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("fine"))) {
            up.sequence(r -> FakeReply.texts("fine"), new FakeReply.Raw(200, "text/event-stream", early));
            assertThat(fx.backend(up.root()).stream(ask("q", 1), d -> { }).generations().getFirst().text()).isEqualTo("fine");
            assertThat(up.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void a_stream_cut_after_output_is_broken_and_not_retried() {
        // the cut waits until the client has taken two tokens: a dropped connection can overtake unread data
        CountDownLatch taken = new CountDownLatch(2);
        try (var up = FakeOpenAiServer.start(r -> FakeReply.outputs(FakeOutput.text("one two three four")).cutAfter(2).onChunk(k -> {
            if (k == 2) await(taken);
        }))) {
            List<Delta> got = new ArrayList<>();
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(up.root()).stream(ask("q", 1), d -> {
                got.add(d);
                taken.countDown();
            }));
            assertThat(e.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(e.retriable()).isFalse();
            assertThat(got).extracting(Delta::text).containsExactly("one", " two");
            assertThat(up.requestCount()).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
