package dev.ponder.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.backend.openai.protocol.SseStream;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pool's one fallback (with cooldown) and the core's one status mapper and SSE reader, on every path. */
@Timeout(30)
class UpstreamPoolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private EventLoopGroup group;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private FakeOpenAiServer server(FakeOpenAiServer.Handler h) {
        FakeOpenAiServer s = FakeOpenAiServer.start(h);
        open.add(s);
        return s;
    }

    private UpstreamPool pool(int retries, FakeOpenAiServer... servers) {
        List<Upstream> members = new ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            Upstream u = Upstream.of("u" + i, OpenAiConfig.builder(servers[i].baseUrl()).modelName("m", "up-m").maxRetries(retries)
                    .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).sleeper(d -> { }).clock(CLOCK).build());
            open.add(u);
            members.add(u);
        }
        return UpstreamPool.of("m", members, Duration.ofSeconds(30), CLOCK);
    }

    private static ObjectNode body() {
        ObjectNode b = JSON.createObjectNode().put("model", "m").put("stream", true);
        b.putArray("messages").addObject().put("role", "user").put("content", "hi");
        return b;
    }

    /** Collects a passed-through stream's events. */
    private static final class Collected implements SseStream.Events {
        final List<String> data = new ArrayList<>();

        @Override
        public void accept(String d) { data.add(d); }

        @Override
        public boolean delivered() { return !data.isEmpty(); }
    }

    private static Collected passThrough(UpstreamPool pool) {
        Collected c = new Collected();
        pool.passThrough(u -> {
            u.streamRaw("m", body(), c);
            return c;
        });
        return c;
    }

    @Test
    void a_passed_through_stream_maps_statuses_like_every_call_and_falls_back_with_cooldown() {
        var locked = server(r -> FakeReply.error(401, "invalid key"));
        var good = server(r -> new FakeReply.Raw(200, "text/event-stream", "data: {\"a\":\ndata: 1}\n\ndata: [DONE]\n\n"));
        UpstreamPool pool = pool(0, locked, good);

        assertThat(passThrough(pool).data).as("multi-line data joined by the one SSE reader").containsExactly("{\"a\":\n1}");
        assertThat(good.requests().getFirst().body().path("model").asText()).isEqualTo("up-m");
        passThrough(pool);
        assertThat(locked.requestCount()).as("the failed upstream cools down").isEqualTo(1);
        assertThat(good.requestCount()).isEqualTo(2);
    }

    @Test
    void a_passed_through_stream_keeps_the_upstream_error_kind_retry_after_and_quota() {
        var unauthorized = server(r -> FakeReply.error(401, "invalid key"));
        PonderException e = catchThrowableOfType(PonderException.class, () -> passThrough(pool(0, unauthorized)));
        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("invalid key");

        var limited = server(r -> FakeReply.rateLimited("7"));
        e = catchThrowableOfType(PonderException.class, () -> passThrough(pool(0, limited)));
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));

        var broke = server(r -> new FakeReply.Error(429, "You exceeded your current quota", "insufficient_quota", Map.of()));
        e = catchThrowableOfType(PonderException.class, () -> passThrough(pool(0, broke)));
        assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN);
    }

    @Test
    void a_relay_failing_on_every_upstream_carries_every_try() {
        var a = server(r -> FakeReply.serverError());
        var b = server(r -> FakeReply.serverError());
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        HttpTransport transport = new LoopClient(NioSocketChannel.class, Duration.ofSeconds(5)).on(group.next());
        ObjectNode body = body().put("stream", false);

        CompletionException failed = catchThrowableOfType(CompletionException.class,
                () -> pool(2, a, b).relayAsync("m", body, 2, transport).join());

        PonderException e = (PonderException) failed.getCause();
        assertThat(e.kind()).isEqualTo(Kind.UPSTREAM_UNAVAILABLE);
        assertThat(e.attempts()).as("three tries on each upstream").isEqualTo(6);
        assertThat(a.requestCount() + b.requestCount()).isEqualTo(6);
    }
}
