package dev.ponder.core.backend.openai;

import static dev.ponder.core.backend.openai.Fixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ponder.core.backend.Generated;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiRetryTest {
    private final Fixture fx = new Fixture();

    private static FakeOpenAiServer.Handler ok() { return r -> FakeReply.texts("fine"); }

    @Test
    void waits_as_long_as_retry_after_says_then_succeeds() {
        try (var server = FakeOpenAiServer.start(ok())) {
            server.sequence(ok(), FakeReply.rateLimited("2"));
            OpenAiBackend b = fx.backend(server);

            Generated got = b.generate(ask("q", 1));
            assertThat(got.generations().getFirst().text()).isEqualTo("fine");
            assertThat(got.attempts()).isEqualTo(2);
            assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(2));
        }
    }

    @Test
    void reads_retry_after_as_an_http_date() {
        String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(Fixture.NOW.plusSeconds(3).atOffset(ZoneOffset.UTC));
        try (var server = FakeOpenAiServer.start(ok())) {
            server.sequence(ok(), FakeReply.rateLimited(in3s));
            fx.backend(server).generate(ask("q", 1));
            assertThat(fx.sleeps).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Test
    void retries_server_errors_with_jittered_exponential_backoff() {
        try (var server = FakeOpenAiServer.start(ok())) {
            server.sequence(ok(), FakeReply.serverError(), FakeReply.serverError(), FakeReply.serverError());
            OpenAiBackend b = fx.backend(server);

            assertThat(b.generate(ask("q", 1)).attempts()).isEqualTo(4);
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(fx.sleeps).hasSize(3);
            // full jitter: retry i waits in [0, min(2 s, 100 ms * 2^i))
            assertThat(fx.sleeps.get(0)).isLessThan(Duration.ofMillis(100));
            assertThat(fx.sleeps.get(1)).isLessThan(Duration.ofMillis(200));
            assertThat(fx.sleeps.get(2)).isLessThan(Duration.ofMillis(400));
            assertThat(fx.sleeps).allMatch(d -> !d.isNegative());
        }
    }

    @Test
    void the_same_seed_gives_the_same_waits() {
        Fixture other = new Fixture();
        for (Fixture f : new Fixture[] {fx, other}) {
            try (var server = FakeOpenAiServer.start(ok())) {
                server.sequence(ok(), FakeReply.serverError(), FakeReply.serverError());
                f.backend(server).generate(ask("q", 1));
            }
        }
        assertThat(fx.sleeps).hasSize(2).isEqualTo(other.sleeps);
    }

    @Test
    void gives_up_after_the_configured_retries_with_a_retriable_error() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.serverError())) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).maxRetries(2).build());

            PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_UNAVAILABLE);
            assertThat(e.retriable()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 500", "The server had an error", "gave up after 3 attempts");
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(server.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void a_retry_after_longer_than_the_maximum_fails_at_once_carrying_it() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.rateLimited("3600"))) {
            OpenAiBackend b = fx.backend(server);

            PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofHours(1));
            assertThat(fx.sleeps).isEmpty();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void client_errors_are_typed_and_not_retried() {
        Map<Integer, Kind> expected = Map.of(400, Kind.INVALID_INPUT, 401, Kind.UNAUTHORIZED, 403, Kind.FORBIDDEN,
                404, Kind.NOT_FOUND, 422, Kind.INVALID_INPUT);
        expected.forEach((status, kind) -> {
            try (var server = FakeOpenAiServer.start(r -> FakeReply.error(status, "upstream says no (" + status + ")"))) {
                OpenAiBackend b = fx.backend(server);
                PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));

                assertThat(e.kind()).as("HTTP %d", status).isEqualTo(kind);
                assertThat(e.retriable()).isFalse();
                assertThat(e.getMessage()).contains("upstream says no (" + status + ")", "fake-model");
                assertThat(server.requestCount()).isEqualTo(1);
                assertThat(e.attempts()).isEqualTo(1);
            }
        });
        assertThat(fx.sleeps).isEmpty();
    }

    @Test
    void insufficient_quota_is_not_retried_although_it_is_a_429() {
        try (var server = FakeOpenAiServer.start(r -> new FakeReply.Error(429, "You exceeded your current quota",
                "insufficient_quota", Map.of()))) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(server).generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void malformed_json_is_a_bad_upstream_response_and_not_retried() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.malformed())) {
            PonderException e = catchThrowableOfType(PonderException.class, () -> fx.backend(server).generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.BAD_UPSTREAM_RESPONSE);
            assertThat(e.getMessage()).contains("malformed JSON");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_hung_response_times_out_after_the_configured_timeout() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.hang())) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).requestTimeout(Duration.ofMillis(800)).maxRetries(1).build());

            PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("PT0.8S");
            assertThat(e.attempts()).isEqualTo(2);
        }
    }

    @Test
    void a_refused_connection_is_retried_then_reported_as_unavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        OpenAiBackend b = OpenAiBackend.create(OpenAiConfig.builder("http://127.0.0.1:" + port + "/v1").model("m")
                .sleeper(fx.sleeps::add).maxRetries(1).build());

        PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
        assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).contains("cannot connect: connection refused or host unreachable");
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(fx.sleeps).hasSize(1);
    }
}
