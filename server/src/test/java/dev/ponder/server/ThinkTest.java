package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.core.testing.FakeThinker;
import dev.ponder.server.config.PlainCompletions;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code think@T} in the proxy: plain completions where the upstream serves them, as each upstream is configured, and said so. */
@Timeout(60)
class ThinkTest {
    private static final String ASK = Fixtures.chat("think@300:fake-model", "What is six times seven?", "");
    @TempDir Path dir;

    private ProxyServer proxy(FakeOpenAiServer up, PlainCompletions completions) {
        return Fixtures.start(Fixtures.config(List.of(new UpstreamConfig("up", up.baseUrl(), Optional.empty(), Map.of("fake-model", "fake-upstream-model"),
                0, Duration.ofMillis(1), Duration.ofSeconds(20), "number", completions, false, Optional.empty(), UpstreamConfig.Kind.OPENAI)), List.of(), Optional.empty(), dir));
    }

    private static long completions(FakeOpenAiServer up) { return up.requests().stream().filter(r -> !r.chat()).count(); }

    @Test
    void auto_and_on_run_the_chain_by_completions_and_the_response_and_trace_say_so() throws Exception {
        for (PlainCompletions c : List.of(PlainCompletions.AUTO, PlainCompletions.ON)) {
            try (var up = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42.")); var proxy = proxy(up, c)) {
                JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", ASK));
                JsonNode think = d.path("ponder").path("runs").get(0).path("think");
                assertThat(think.path("route").asText()).as(c.toString()).isEqualTo("completions");
                assertThat(think.path("thinking_tokens").asLong()).isBetween(250L, 350L);
                assertThat(d.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo("42");
                assertThat(completions(up)).isPositive();
                assertThat(RelayTest.trace(Fixtures.root(proxy), d).toString()).contains("think route: completions");
            }
        }
    }

    @Test
    void off_runs_the_chain_by_chat_turns() throws Exception {
        try (var up = FakeOpenAiServer.start(FakeThinker.handler(100, "The answer is 42.")); var proxy = proxy(up, PlainCompletions.OFF)) {
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", ASK));
            JsonNode think = d.path("ponder").path("runs").get(0).path("think");
            assertThat(think.path("route").asText()).startsWith("chat");
            assertThat(think.path("thinking_tokens").asLong()).isPositive();
            assertThat(completions(up)).isZero();
        }
    }

    @Test
    void auto_falls_back_to_chat_when_the_upstream_has_no_completions_and_remembers_it() throws Exception {
        FakeOpenAiServer.Handler thinker = FakeThinker.handler(100, "The answer is 42.");
        try (var up = FakeOpenAiServer.start((FakeRequest r) -> r.chat() ? thinker.reply(r) : FakeReply.error(404, "no such route"));
             var proxy = proxy(up, PlainCompletions.AUTO)) {
            for (int i = 0; i < 2; i++) {
                JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", ASK));
                JsonNode run = d.path("ponder").path("runs").get(0);
                assertThat(run.path("think").path("route").asText()).startsWith("chat");
                assertThat(run.path("answer").asText()).isEqualTo("42");
            }
            assertThat(completions(up)).as("asked once, then remembered").isEqualTo(1);
        }
    }
}
